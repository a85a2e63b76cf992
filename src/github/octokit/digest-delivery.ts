/** The digest's discussion and pinned-comment deliveries over GitHub's GraphQL API. */
import type { ProbotOctokit } from "probot";
import type {
  DeliveredPost,
  DigestDeliveryPort,
  DiscussionTarget,
  PinnedIssue,
  RetireEdit,
} from "../delivery-port.js";
import { GitHubError } from "../port.js";
import type { RepoRef } from "../types.js";
import { type Client, send } from "./client.js";
import {
  ADD_DIGEST_COMMENT_MUTATION,
  type AddDigestCommentResponse,
} from "./graphql/digest-delivery-add-comment.js";
import {
  DIGEST_CATEGORY_QUERY,
  type DigestCategoryResponse,
} from "./graphql/digest-delivery-category.js";
import {
  CREATE_DIGEST_DISCUSSION_MUTATION,
  type CreateDigestDiscussionResponse,
} from "./graphql/digest-delivery-create-discussion.js";
import {
  DIGEST_DISCUSSIONS_QUERY,
  type DigestDiscussionsResponse,
} from "./graphql/digest-delivery-discussions.js";
import {
  DIGEST_PINNED_QUERY,
  type DigestPinnedResponse,
  type PinnedIssueNode,
} from "./graphql/digest-delivery-pinned.js";
import type { CommentPostNode, DiscussionPostNode } from "./graphql/digest-delivery-post-fields.js";
import { RETIRE_DIGEST_COMMENT_MUTATION } from "./graphql/digest-delivery-retire-comment.js";
import { RETIRE_DIGEST_DISCUSSION_MUTATION } from "./graphql/digest-delivery-retire-discussion.js";

const present = <T>(nodes: (T | null)[] | null | undefined): T[] =>
  (nodes ?? []).filter((node): node is T => node !== null);

const fromDiscussion = (d: DiscussionPostNode): DeliveredPost => ({
  id: d.id,
  seq: d.number,
  url: d.url,
  body: d.body,
  byViewer: d.viewerDidAuthor,
  retired: d.closed,
});

const fromComment = (c: CommentPostNode): DeliveredPost => ({
  id: c.id,
  seq: c.databaseId ?? 0,
  url: c.url,
  body: c.body,
  byViewer: c.viewerDidAuthor,
  retired: c.isMinimized,
});

const toPinned = (issue: PinnedIssueNode): PinnedIssue => ({
  id: issue.id,
  number: issue.number,
  url: issue.url,
  comments: present(issue.comments.nodes).map(fromComment),
});

function created<T>(node: T | null | undefined, kind: string): T {
  if (!node) throw new GitHubError(`${kind} returned nothing`, "unknown");
  return node;
}

export class OctokitDigestDelivery implements DigestDeliveryPort {
  private readonly client: Client;

  constructor(octokit: ProbotOctokit, options: { onRequest?: (kind: string) => void } = {}) {
    this.client = { octokit, count: (kind) => options.onRequest?.(kind) };
  }

  private graphql<T>(kind: string, query: string, variables: Record<string, unknown>): Promise<T> {
    return send(this.client, kind, (octokit) => octokit.graphql<T>(query, variables));
  }

  async findDiscussionCategory(repo: RepoRef, name: string): Promise<DiscussionTarget | null> {
    const response = await this.graphql<DigestCategoryResponse>(
      "digestCategory",
      DIGEST_CATEGORY_QUERY,
      { owner: repo.owner, name: repo.repo },
    );
    if (!response.repository) return null;
    const wanted = name.trim().toLowerCase();
    const category = present(response.repository.discussionCategories.nodes).find(
      (c) => c.name.trim().toLowerCase() === wanted,
    );
    return { repositoryId: response.repository.id, categoryId: category?.id ?? null };
  }

  async listDiscussions(repo: RepoRef, categoryId: string): Promise<DeliveredPost[]> {
    const response = await this.graphql<DigestDiscussionsResponse>(
      "digestDiscussions",
      DIGEST_DISCUSSIONS_QUERY,
      { owner: repo.owner, name: repo.repo, categoryId },
    );
    return present(response.repository?.discussions.nodes).map(fromDiscussion);
  }

  async createDiscussion(input: {
    repositoryId: string;
    categoryId: string;
    title: string;
    body: string;
  }): Promise<DeliveredPost> {
    const response = await this.graphql<CreateDigestDiscussionResponse>(
      "createDiscussion",
      CREATE_DIGEST_DISCUSSION_MUTATION,
      { input },
    );
    return fromDiscussion(created(response.createDiscussion?.discussion, "createDiscussion"));
  }

  async retireDiscussion(edit: RetireEdit): Promise<void> {
    await this.graphql("retireDiscussion", RETIRE_DIGEST_DISCUSSION_MUTATION, { ...edit });
  }

  async findPinnedIssue(
    repo: RepoRef,
    pick: { number?: number; label: string },
  ): Promise<PinnedIssue | null> {
    const byNumber = pick.number !== undefined;
    const response = await this.graphql<DigestPinnedResponse>("digestPinned", DIGEST_PINNED_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      number: pick.number ?? 0,
      byNumber,
    });
    if (byNumber) {
      const issue = response.repository?.issue;
      return issue ? toPinned(issue) : null;
    }
    const pinned = present(response.repository?.pinnedIssues?.nodes).find((p) =>
      present(p.issue.labels?.nodes).some((l) => l.name === pick.label),
    );
    return pinned ? toPinned(pinned.issue) : null;
  }

  async addComment(issueId: string, body: string): Promise<DeliveredPost> {
    const response = await this.graphql<AddDigestCommentResponse>(
      "addDigestComment",
      ADD_DIGEST_COMMENT_MUTATION,
      { subjectId: issueId, body },
    );
    return fromComment(created(response.addComment?.commentEdge?.node, "addComment"));
  }

  async retireComment(edit: RetireEdit): Promise<void> {
    await this.graphql("retireComment", RETIRE_DIGEST_COMMENT_MUTATION, { ...edit });
  }
}
