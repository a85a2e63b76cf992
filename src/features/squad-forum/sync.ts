/**
 * Brings a feature's linked forum topic up to date after its GitHub reconcile: reads the topic and
 * the bot's posts in it, plans (`plan.ts`) and applies through the bridge executor. Runs after the
 * GitHub writes and outside the issue's lock, so the forum never holds GitHub up; a forum outage
 * is logged once until the forum answers again.
 */
import { executeBridge } from "../../actions/bridge-executor.js";
import type { Config } from "../../config/schema.js";
import { isOutage, OutsideError } from "../../core/outside-error.js";
import { loadBotPosts } from "../../forum/bot-posts.js";
import { isKeyedForum } from "../../forum/env.js";
import { topicOfUrl } from "../../forum/topic-url.js";
import type { IssueRef } from "../../github/types.js";
import type { Scope } from "../feature.js";
import type { FeatureState } from "../squad/state.js";
import type { Transition } from "../squad/transitions.js";
import { planTopicPosts } from "./plan.js";

export interface TopicSyncRequest {
  ref: IssueRef;
  issue: { url: string; title: string };
  state: FeatureState;
  transitions: readonly Transition[];
  /**
   * The repair sweep: the feature's latest move is planned as well, so a post missed in a forum
   * outage is made now (its key finds it if it was made after all).
   */
  repair?: boolean;
}

/** The latest move as a transition, for the sweep: older ones are history, not news. */
function latestMove(state: FeatureState): Transition[] {
  const last = state.history.at(-1);
  const before = state.history.at(-2);
  return last ? [{ from: before?.phase ?? null, to: last.phase, by: last.by, via: last.via }] : [];
}

export type TopicSyncResult =
  | { status: "off" | "not-linked" }
  /** The link names no topic of the forum, or a topic that is gone: nothing to retry. */
  | { status: "gone"; topicId: number | null }
  | { status: "synced"; writes: string[]; requests: number }
  | { status: "degraded"; why: string; requests: number };

/** Forums (by address) whose outage was logged: one line per outage, not one per event. */
const downForums = new Set<string>();

function noteOutage(scope: Scope, url: string, why: string | null): void {
  if (why === null) {
    if (downForums.delete(url)) scope.log.info({ forum: url }, "forum reachable again");
    return;
  }
  if (downForums.has(url)) return;
  downForums.add(url);
  scope.log.warn({ forum: url, why }, "forum unavailable: forum posts wait for the repair sweep");
}

export async function syncLinkedTopic(
  scope: Scope,
  config: Config,
  request: TopicSyncRequest,
): Promise<TopicSyncResult> {
  const bridge = scope.services.forum;
  if (!bridge || !config.forum || !isKeyedForum(config.forum.url, bridge)) return { status: "off" };
  const link = request.state.links.forum;
  if (!link) return { status: "not-linked" };
  const ref = topicOfUrl(config.forum.url, link);
  if (!ref) {
    scope.log.info({ link }, "forum link names no topic of the forum: nothing posted");
    return { status: "gone", topicId: null };
  }
  let requests = 0;
  try {
    requests++;
    const topic = await bridge.port.getTopic(ref.topicId);
    if (!topic || topic.deleted) {
      // Not retried: the next move or sweep looks again, one read each.
      scope.log.info({ topic: ref.topicId }, "linked forum topic is gone: nothing posted");
      return { status: "gone", topicId: ref.topicId };
    }
    const botPosts = await loadBotPosts(bridge.port, topic, bridge.username);
    requests += topic.posts.filter(
      (post) => post.username.toLowerCase() === bridge.username.toLowerCase(),
    ).length;
    const { owner, repo, number } = request.ref;
    const actions = planTopicPosts({
      issue: { repo: `${owner}/${repo}`, number, ...request.issue },
      phases: config.phases,
      state: request.state,
      transitions:
        request.repair && request.transitions.length === 0
          ? latestMove(request.state)
          : request.transitions,
      topicId: topic.id,
      botPosts,
      codeOfConduct: config.forum.codeOfConduct,
      templates: scope.templates,
    });
    const dryRun = scope.dryRun(config);
    const result = await executeBridge({ forum: bridge.port }, actions, { dryRun });
    requests += result.requests.forum;
    if (dryRun && result.writes.length > 0)
      scope.log.info({ writes: result.writes }, "dry run: planned forum writes");
    const outage = result.outages.forum ?? null;
    noteOutage(scope, bridge.url, outage);
    if (result.failures.length > 0 && outage === null)
      scope.log.warn({ failures: result.failures }, "forum writes failed");
    return outage === null
      ? { status: "synced", writes: result.writes, requests }
      : { status: "degraded", why: outage, requests };
  } catch (error) {
    if (!(error instanceof OutsideError)) throw error;
    if (isOutage(error.kind)) noteOutage(scope, bridge.url, error.message);
    else scope.log.warn({ error: error.message }, "forum topic could not be read");
    return { status: "degraded", why: error.message, requests };
  }
}
