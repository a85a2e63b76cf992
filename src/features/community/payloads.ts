/**
 * The webhook fields the community journey reads, validated, and turned into one contribution:
 * `issues.opened`, `pull_request.opened`, `pull_request.closed` (merged only),
 * `pull_request_review.submitted`, `issue_comment.created`; and `release.published`.
 */
import { z } from "zod";
import { sameName } from "../../core/names.js";
import type { IssueRef, RepoRef } from "../../github/types.js";
import type { Author } from "./people.js";
import type { ContributionEvent, ContributionKind } from "./store.js";

const user = z.object({ login: z.string(), type: z.string().optional() });
const repository = z.object({ name: z.string(), owner: z.object({ login: z.string() }) });
const item = {
  number: z.number().int().positive(),
  node_id: z.string(),
  html_url: z.string(),
  title: z.string(),
  user,
  author_association: z.string().optional(),
};

const issueOpenedPayload = z.object({
  action: z.literal("opened"),
  issue: z.object({ ...item, created_at: z.string() }),
  repository,
});

const pullRequestOpenedPayload = z.object({
  action: z.literal("opened"),
  pull_request: z.object({ ...item, created_at: z.string() }),
  repository,
});

const pullRequestClosedPayload = z.object({
  action: z.literal("closed"),
  pull_request: z.object({
    ...item,
    merged: z.boolean().nullable().optional(),
    merged_at: z.string().nullable(),
  }),
  repository,
});

const reviewSubmittedPayload = z.object({
  action: z.literal("submitted"),
  review: z.object({
    node_id: z.string(),
    html_url: z.string(),
    // Null only for pending reviews, which are never "submitted"; kept lenient all the same.
    submitted_at: z.string().nullable().optional(),
    user: user.nullable(),
    author_association: z.string().optional(),
  }),
  pull_request: z.object({ number: z.number().int().positive(), title: z.string(), user }),
  repository,
});

const commentCreatedPayload = z.object({
  action: z.literal("created"),
  comment: z.object({
    node_id: z.string(),
    html_url: z.string(),
    created_at: z.string(),
    user,
    author_association: z.string().optional(),
  }),
  issue: z.object({ number: z.number().int().positive(), title: z.string() }),
  repository,
});

const releasePublishedPayload = z.object({
  action: z.literal("published"),
  release: z.object({
    body: z.string().nullable(),
    html_url: z.string(),
    tag_name: z.string(),
    name: z.string().nullable(),
    draft: z.boolean(),
    prerelease: z.boolean(),
  }),
  repository,
});

/** One contribution, who made it, and the issue or pull request where the bot may answer. */
export interface ContributionInput {
  event: ContributionEvent;
  author: Author;
  target: IssueRef;
  title: string;
}

export type CommunityEventName =
  | "issues"
  | "pull_request"
  | "pull_request_review"
  | "issue_comment";

const repoOf = (r: z.infer<typeof repository>): RepoRef => ({
  owner: r.owner.login,
  repo: r.name,
});

function build(
  r: z.infer<typeof repository>,
  kind: ContributionKind,
  what: { id: string; url: string; at: string; number: number; title: string },
  author: Author,
): ContributionInput {
  const repo = repoOf(r);
  return {
    event: {
      org: repo.owner,
      repo: repo.repo,
      login: author.login,
      kind,
      githubId: what.id,
      at: new Date(what.at),
      url: what.url,
    },
    author,
    target: { ...repo, number: what.number },
    title: what.title,
  };
}

const authorOf = (u: z.infer<typeof user>, association?: string): Author => ({
  login: u.login,
  type: u.type,
  association,
});

/**
 * The contribution a delivery records, or null when it is none: another action, an unmerged
 * close, a review of one's own pull request, or a payload without the fields we need.
 */
export function parseContribution(
  name: CommunityEventName,
  payload: unknown,
): ContributionInput | null {
  switch (name) {
    case "issues": {
      const p = issueOpenedPayload.safeParse(payload);
      if (!p.success) return null;
      const { issue } = p.data;
      return build(
        p.data.repository,
        "issue-opened",
        { id: issue.node_id, url: issue.html_url, at: issue.created_at, ...issue },
        authorOf(issue.user, issue.author_association),
      );
    }
    case "pull_request": {
      const opened = pullRequestOpenedPayload.safeParse(payload);
      if (opened.success) {
        const pr = opened.data.pull_request;
        return build(
          opened.data.repository,
          "pr-opened",
          { id: pr.node_id, url: pr.html_url, at: pr.created_at, ...pr },
          authorOf(pr.user, pr.author_association),
        );
      }
      const closed = pullRequestClosedPayload.safeParse(payload);
      const pr = closed.success ? closed.data.pull_request : null;
      if (!closed.success || !pr?.merged_at || pr.merged === false) return null;
      return build(
        closed.data.repository,
        "pr-merged",
        { id: pr.node_id, url: pr.html_url, at: pr.merged_at, ...pr },
        authorOf(pr.user, pr.author_association),
      );
    }
    case "pull_request_review": {
      const p = reviewSubmittedPayload.safeParse(payload);
      const reviewer = p.success ? p.data.review.user : null;
      if (!p.success || !reviewer) return null;
      const { review, pull_request: pr } = p.data;
      if (sameName(reviewer.login, pr.user.login)) return null;
      return build(
        p.data.repository,
        "review",
        {
          id: review.node_id,
          url: review.html_url,
          at: review.submitted_at ?? new Date(0).toISOString(),
          number: pr.number,
          title: pr.title,
        },
        authorOf(reviewer, review.author_association),
      );
    }
    case "issue_comment": {
      const p = commentCreatedPayload.safeParse(payload);
      if (!p.success) return null;
      const { comment, issue } = p.data;
      return build(
        p.data.repository,
        "comment",
        { id: comment.node_id, url: comment.html_url, at: comment.created_at, ...issue },
        authorOf(comment.user, comment.author_association),
      );
    }
  }
}

export interface ReleaseInput {
  repo: RepoRef;
  url: string;
  name: string;
  body: string | null;
  /** A beta is early access proper; only a final release should move features to Release. */
  prerelease: boolean;
}

/** A published release (drafts are not public yet), betas included. */
export function parseRelease(payload: unknown): ReleaseInput | null {
  const p = releasePublishedPayload.safeParse(payload);
  if (!p.success || p.data.release.draft) return null;
  const { release } = p.data;
  return {
    repo: repoOf(p.data.repository),
    url: release.html_url,
    name: release.name || release.tag_name,
    body: release.body,
    prerelease: release.prerelease,
  };
}
