/**
 * Forum intake for one new topic: load (categories, the topic, the bot's posts in it, its first
 * post, an earlier request for it), plan (`plan.ts`), apply (the issue on GitHub, then the one
 * reply in the topic through the bridge executor). Safe to run again: the topic's reply and the
 * issue's marker both say it was done.
 */
import { executeBridge } from "../../actions/bridge-executor.js";
import { onceKeyOf } from "../../actions/executor.js";
import type { Log } from "../../core/log.js";
import type { Templates } from "../../core/templates.js";
import { loadBotPosts } from "../../forum/bot-posts.js";
import type { ForumConfig } from "../../forum/config.js";
import type { ForumPort } from "../../forum/port.js";
import type { GitHubPort } from "../../github/port.js";
import type { RepoRef } from "../../github/types.js";
import type { SimilarSearchPort } from "../similar/port.js";
import type { RelatedCandidateSource } from "./earlier-topics.js";
import {
  decideIntake,
  type IntakeDecision,
  intakeReplyKey,
  isIntakeOf,
  planIntakeIssue,
  planIntakeReply,
  type TopicRef,
  topicUrlOf,
} from "./plan.js";

export interface ForumIntakeDeps {
  forum: ForumPort;
  github: GitHubPort;
  /** One search request finds an issue opened earlier for the topic (its marker, its link). */
  search: SimilarSearchPort;
  /** The roadmap repository the requests go to: the one whose config holds `forum`. */
  repo: RepoRef;
  config: ForumConfig;
  /** The bot's forum username (DISCOURSE_API_USERNAME): only its posts count as state. */
  botUsername: string;
  templates: Templates;
  dryRun: boolean;
  log: Log;
  /** Labels of a new request (e.g. the preset's feature-request label). */
  labels?: string[];
  /** Earlier forum topics listed on the request; one more forum request when given. */
  earlierTopics?: RelatedCandidateSource;
}

export interface NewForumTopic {
  topicId: number;
  categoryId: number | null;
}

export type IntakeOutcome =
  | { status: "watched"; decision: IntakeDecision }
  | { status: "gone" }
  | { status: "done"; issueNumber: number | null; created: boolean; replied: boolean };

/** The issue number a bot reply in the topic already links, or null. */
function linkedIssue(raw: string): number | null {
  const match = /\/issues\/(\d+)\)/.exec(raw);
  return match?.[1] ? Number(match[1]) : null;
}

async function findEarlierIssue(deps: ForumIntakeDeps, topic: TopicRef): Promise<number | null> {
  const repo = `${deps.repo.owner}/${deps.repo.repo}`;
  // The topic's address as a phrase: it is in the body's link and in its marker.
  const hits = await deps.search.searchIssues([repo], [`"${topicUrlOf(topic)}"`], 10);
  return (
    hits.find((hit) => hit.repo.toLowerCase() === repo.toLowerCase() && isIntakeOf(hit.body, topic))
      ?.number ?? null
  );
}

export async function runForumIntake(
  deps: ForumIntakeDeps,
  newTopic: NewForumTopic,
): Promise<IntakeOutcome> {
  const { forum, config, log, templates, repo } = deps;
  const decision = decideIntake(config, await forum.listCategories(), newTopic.categoryId);
  if (!decision.take) {
    if (decision.why === "unknown category")
      log.warn(
        {
          topic: newTopic.topicId,
          problems: decision.unknown.map((unknown) =>
            templates.message("forum.problem.unknownCategory", {
              use: unknown.use,
              ref: `\`${unknown.ref}\``,
              suggestion: unknown.suggestion ? `\`${unknown.suggestion}\`` : "",
            }),
          ),
        },
        "forum intake: a configured category is not on the forum; the topic is only watched",
      );
    return { status: "watched", decision };
  }
  const topic = await forum.getTopic(newTopic.topicId);
  const first = topic?.posts.find((post) => post.number === 1);
  if (!topic || topic.deleted || !first) return { status: "gone" };
  const ref: TopicRef = { forumUrl: config.url.replace(/\/+$/, ""), topicId: topic.id };
  const botPosts = await loadBotPosts(forum, topic, deps.botUsername);
  const key = intakeReplyKey(repo);
  const replied = botPosts.find((post) => onceKeyOf(post.raw) === key);
  if (replied)
    return {
      status: "done",
      issueNumber: linkedIssue(replied.raw),
      created: false,
      replied: false,
    };

  let issueNumber = await findEarlierIssue(deps, ref);
  let created = false;
  if (issueNumber === null) {
    const post = await forum.getPost(first.id);
    if (!post || post.deleted) return { status: "gone" };
    // Only a list on the request: a failed search leaves it out rather than failing intake.
    const earlier = await deps.earlierTopics
      ?.earlier({ id: topic.id, title: topic.title, body: post.raw }, 5)
      .catch(() => []);
    const issue = planIntakeIssue({
      earlier: earlier ?? [],
      topic: ref,
      title: topic.title,
      raw: post.raw,
      author: post.username,
      use: decision.use,
      labels: deps.labels ?? [],
      templates,
    });
    if (deps.dryRun) {
      log.info(
        { topic: topic.id, title: issue.title },
        "forum intake (dry run): would open a request",
      );
      return { status: "done", issueNumber: null, created: false, replied: false };
    }
    issueNumber = (await deps.github.createIssue(repo, issue)).number;
    created = true;
  }
  const reply = planIntakeReply({ topicId: topic.id, repo, issueNumber, botPosts, templates });
  const result = await executeBridge({ forum }, [reply], { dryRun: deps.dryRun });
  const failure = result.failures[0];
  // The request stands on GitHub; the reply is missing. Thrown so the inbox runs it again: the
  // issue is found by its marker then, and only the reply is written.
  if (failure) throw new Error(`forum intake: ${failure}`);
  return { status: "done", issueNumber, created, replied: result.writes.length > 0 };
}
