/**
 * The discussion and pinned-comment deliveries (`digests.delivery`): the same two reconciles as
 * the issue delivery in `run.ts` (`deliver-once.ts`), reading through `DigestDeliveryPort`.
 * Plans come from `post-plan.ts`.
 */
import type { PostChannel } from "../../actions/action.js";
import type { DeliveredPost, DigestDeliveryPort } from "../../github/delivery-port.js";
import type { RepoRef } from "../../github/types.js";
import type { RepoHost } from "../../reconcile/repo.js";
import type { DigestsConfig } from "./config.js";
import { type Delivered, deliverOnce } from "./deliver-once.js";
import { digestIssue } from "./delivery.js";
import type { Period } from "./period.js";
import { planPost } from "./post-plan.js";
import type { DigestRunInput } from "./run-types.js";
import type { RenderedDigest } from "./weekly.js";

/** One delivery target: where posts go, and how they are listed again. */
interface OpenChannel {
  channel: PostChannel;
  list(): Promise<DeliveredPost[]>;
}

const repoName = (repo: RepoRef) => `${repo.owner}/${repo.repo}`;

async function openChannel(
  port: DigestDeliveryPort,
  target: RepoRef,
  digests: DigestsConfig,
): Promise<OpenChannel> {
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
      channel: { kind: "discussion", repositoryId: found.repositoryId, categoryId },
      list: () => port.listDiscussions(target, categoryId),
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
    channel: { kind: "comment", issueId: pinned.id },
    list: async () => {
      const comments = first ?? (await port.findPinnedIssue(target, pick))?.comments ?? [];
      first = null;
      return comments;
    },
  };
}

/** One post per period, whatever runs it: see `planPost`. */
export async function deliverPost(
  input: DigestRunInput,
  host: RepoHost,
  period: Period,
  rendered: RenderedDigest,
  target: RepoRef,
): Promise<Delivered<DeliveredPost>> {
  const port = input.delivery;
  if (!port) throw new Error(`digests.delivery ${input.digests.delivery} needs a delivery port`);
  const opened = await openChannel(port, target, input.digests);
  const { title, body } = digestIssue(period, rendered, input.digests.label);
  return deliverOnce(host, {
    about: { repo: target, period: period.key, delivery: opened.channel.kind },
    apply: { dryRun: input.dryRun ?? false },
    load: () => opened.list(),
    plan: (existing, created) =>
      planPost({
        existing,
        period,
        channel: opened.channel,
        title,
        body,
        templates: input.templates,
        ...(created ? { created: created.id } : {}),
      }),
    made: (outcome) => (outcome.status === "written" ? outcome.post : undefined),
    same: (a, b) => a.id === b.id,
  });
}
