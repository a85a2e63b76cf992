/**
 * Forum deliveries as inbox work: a verified Discourse webhook is recorded in the same durable
 * inbox as GitHub's (its id prefixed `forum:`, so the two never collide), and run from there with
 * the installation token of the repository the forum is tied to (SQUAD_BOT_FORUM_REPOSITORY, the
 * roadmap repository whose config holds the `forum` section).
 */
import { createHash } from "node:crypto";
import type { Log } from "../core/log.js";
import type { Scope } from "../features/feature.js";
import { forumCandidates } from "../features/forum-intake/earlier-topics.js";
import { runForumIntake } from "../features/forum-intake/run.js";
import type { SimilarSearchPort } from "../features/similar/port.js";
import type { ForumEnv } from "../forum/env.js";
import { isKeyedForum } from "../forum/env.js";
import type { ForumHint } from "../forum/hints.js";
import type { ForumPort } from "../forum/port.js";
import type { ForumDelivery } from "../forum/webhook.js";
import type { RepoRef } from "../github/types.js";
import type { Delivery } from "../inbox/inbox.js";

/** Inbox names of forum deliveries start with this; GitHub's event names never do. */
const FORUM_DELIVERY_PREFIX = "forum:";

/** The repository a forum is tied to, from `owner/repo`; null when unset or malformed. */
export function forumRepositoryOf(env: NodeJS.ProcessEnv): RepoRef | null {
  const match = /^([A-Za-z0-9-]+)\/([A-Za-z0-9_.-]+)$/.exec(
    (env.SQUAD_BOT_FORUM_REPOSITORY ?? "").trim(),
  );
  return match?.[1] && match[2] ? { owner: match[1], repo: match[2] } : null;
}

/**
 * The inbox record of a forum delivery. Discourse's event id makes a redelivery "seen"; without
 * one, the hints themselves are the id (the same event twice is the same work).
 */
export function inboxDeliveryOf(delivery: ForumDelivery): Delivery {
  const key =
    delivery.id ??
    createHash("sha256").update(JSON.stringify(delivery.hints)).digest("hex").slice(0, 32);
  return {
    id: `${FORUM_DELIVERY_PREFIX}${delivery.instance ?? ""}:${key}`,
    name: `${FORUM_DELIVERY_PREFIX}${delivery.event}`,
    payload: { hints: delivery.hints },
  };
}

export const isForumDelivery = (delivery: Delivery) =>
  delivery.name.startsWith(FORUM_DELIVERY_PREFIX);

/** What forum work needs over the tied repository's installation. */
interface ForumWorkPorts {
  scope: Scope;
  search: SimilarSearchPort;
}

export interface ForumWorkDeps {
  repo: RepoRef;
  forumEnv: ForumEnv;
  /** Scope and ports over the installation of `repo` (one token, cached by Probot). */
  connect(repo: RepoRef): Promise<ForumWorkPorts>;
  /** A forum client for this run (counts its requests). */
  forum(): ForumPort;
  log: Log;
}

/** Runs one forum delivery from the inbox; a thrown error makes the inbox try again later. */
export async function runForumDelivery(deps: ForumWorkDeps, delivery: Delivery): Promise<void> {
  const hints = ((delivery.payload as { hints?: ForumHint[] }).hints ?? []).filter(
    (hint) => hint.kind === "forumTopic",
  );
  if (hints.length === 0) return;
  const { repo, log } = deps;
  const { scope, search } = await deps.connect(repo);
  const config = await scope.config(repo);
  const forumConfig = config?.forum;
  if (!config || !forumConfig) {
    log.info(
      { delivery: delivery.id, repo },
      "forum event: the tied repository has no `forum` config",
    );
    return;
  }
  if (!isKeyedForum(forumConfig.url, deps.forumEnv)) {
    log.warn(
      { delivery: delivery.id, repo },
      "forum event: `forum.url` is not DISCOURSE_URL; ignored",
    );
    return;
  }
  const forum = deps.forum();
  const firstPhaseLabel = config.phases[0]?.label;
  for (const hint of hints) {
    // One topic at a time in this process; across instances the marker search and the topic's
    // reply keep a second issue from being opened (README: Forum intake).
    const outcome = await scope.lock.run(`forum-topic:${hint.topicId}`, () =>
      runForumIntake(
        {
          forum,
          github: scope.port,
          search,
          repo,
          config: forumConfig,
          botUsername: deps.forumEnv.credentials.apiUsername,
          templates: scope.templates,
          dryRun: scope.dryRun(config),
          log,
          labels: firstPhaseLabel ? [firstPhaseLabel] : [],
          earlierTopics: forumCandidates(forum),
        },
        { topicId: hint.topicId, categoryId: hint.categoryId },
      ),
    );
    log.info(
      { delivery: delivery.id, topic: hint.topicId, outcome: outcome.status },
      "forum intake",
    );
  }
}
