/**
 * The runner of the discussion and pinned-comment deliveries (`digests.delivery`): the same
 * read, post, read again, retire sequence as the issue delivery in `run.ts`, over
 * `DigestDeliveryPort`. Plans come from `post-plan.ts`.
 */
import type { RepoRef } from "../../github/types.js";
import type { DigestsConfig } from "./config.js";
import { digestIssue } from "./delivery.js";
import type { DeliveredPost, DigestDeliveryPort, RetireEdit } from "./delivery-port.js";
import type { Period } from "./period.js";
import { planPost } from "./post-plan.js";
import type { DigestRunInput, DigestRunResult } from "./run-types.js";
import type { RenderedDigest } from "./weekly.js";

/** One delivery target: where posts are listed, created and retired. */
interface Channel {
  list(): Promise<DeliveredPost[]>;
  create(title: string, body: string): Promise<DeliveredPost>;
  retire(edit: RetireEdit): Promise<void>;
}

const repoName = (repo: RepoRef) => `${repo.owner}/${repo.repo}`;

async function openChannel(
  port: DigestDeliveryPort,
  target: RepoRef,
  digests: DigestsConfig,
): Promise<Channel> {
  if (digests.delivery === "discussion") {
    const name = digests.discussionCategory ?? "";
    const found = await port.findDiscussionCategory(target, name);
    if (!found?.categoryId) {
      throw new Error(
        `digests.discussionCategory: ${repoName(target)} has no discussion category "${name}" ` +
          "(are Discussions enabled?)",
      );
    }
    const categoryId = found.categoryId;
    return {
      list: () => port.listDiscussions(target, categoryId),
      create: (title, body) =>
        port.createDiscussion({ repositoryId: found.repositoryId, categoryId, title, body }),
      retire: (edit) => port.retireDiscussion(edit),
    };
  }
  const pick = {
    label: digests.label,
    ...(digests.pinnedIssue ? { number: digests.pinnedIssue } : {}),
  };
  const pinned = await port.findPinnedIssue(target, pick);
  if (!pinned) {
    const which = digests.pinnedIssue
      ? `issue #${digests.pinnedIssue}`
      : `pinned issue labelled "${digests.label}"`;
    throw new Error(`digests.delivery is pinned-comment, but ${repoName(target)} has no ${which}`);
  }
  // The first read already holds the comments; later reads fetch them again.
  let first: DeliveredPost[] | null = pinned.comments;
  return {
    list: async () => {
      const comments = first ?? (await port.findPinnedIssue(target, pick))?.comments ?? [];
      first = null;
      return comments;
    },
    // The rendered Markdown opens with its title as a heading: a comment needs nothing more.
    create: (_title, body) => port.addComment(pinned.id, body),
    retire: (edit) => port.retireComment(edit),
  };
}

/** One post per period, whatever runs it: see `planPost`. */
export async function deliverPost(
  input: DigestRunInput,
  period: Period,
  rendered: RenderedDigest,
  target: RepoRef,
): Promise<Pick<DigestRunResult, "outcome" | "issue" | "post">> {
  const port = input.delivery;
  if (!port) throw new Error(`digests.delivery ${input.digests.delivery} needs a delivery port`);
  const channel = await openChannel(port, target, input.digests);
  const { title, body } = digestIssue(period, rendered, input.digests.label);
  let plan = planPost({ existing: await channel.list(), period });
  let outcome: DigestRunResult["outcome"] = "exists";
  if (plan.create) {
    const created = await channel.create(title, body);
    plan = planPost({ existing: await channel.list(), period, created: created.id });
    // The list can lag a moment behind a create; then our post is the one to keep.
    plan.posted ??= created;
    if (plan.posted.id === created.id) outcome = "posted";
  }
  for (const edit of plan.edits) await channel.retire(edit);
  return { outcome, issue: null, post: plan.posted };
}
