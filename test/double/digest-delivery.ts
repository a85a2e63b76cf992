/**
 * The digest's discussion and pinned-comment deliveries in memory. Discussions live here; pinned
 * comments are real comments on a MemoryGitHub issue (written through its port, so webhooks and
 * request counts stay true), with the pins and minimized flags kept here.
 */
import type {
  DeliveredPost,
  DigestDeliveryPort,
  DiscussionTarget,
  PinnedIssue,
  RetireEdit,
  RetireReason,
} from "../../src/github/delivery-port.js";
import type { IssueRef, RepoRef } from "../../src/github/types.js";
import type { MemoryGitHub } from "./memory-github.js";

export interface DiscussionView {
  id: string;
  number: number;
  url: string;
  category: string;
  title: string;
  body: string;
  author: string;
  closed: boolean;
  closeReason: RetireReason | null;
}

interface Category {
  id: string;
  name: string;
}

/** The last comments GitHub returns in the pinned-issue query. */
const RECENT_COMMENTS = 50;
const RECENT_DISCUSSIONS = 30;
const WRITES = new Set(["createDiscussion", "retireDiscussion", "addComment", "retireComment"]);

const repoKey = (repo: RepoRef) => `${repo.owner}/${repo.repo}`;

export class MemoryDigestDelivery implements DigestDeliveryPort {
  readonly requests: string[] = [];
  private readonly categories = new Map<string, Category[]>();
  private readonly discussions = new Map<string, (DiscussionView & { categoryId: string })[]>();
  private readonly pins = new Map<string, number[]>();
  private readonly minimized = new Map<string, RetireReason>();
  private nextId = 1;

  constructor(private readonly github: MemoryGitHub) {}

  // --- setup and views for tests ---

  addCategory(repo: RepoRef, name: string): string {
    const id = `DIC_${this.nextId++}`;
    this.categories.set(repoKey(repo), [
      ...(this.categories.get(repoKey(repo)) ?? []),
      { id, name },
    ]);
    return id;
  }

  /** A discussion someone else starts, e.g. one quoting a digest marker. */
  startDiscussion(author: string, repo: RepoRef, category: string, title: string, body: string) {
    const found = this.categories.get(repoKey(repo))?.find((c) => c.name === category);
    if (!found) throw new Error(`no category ${category}`);
    return this.insert(repo, found.id, author, title, body);
  }

  discussionsOf(repo: RepoRef): DiscussionView[] {
    return (this.discussions.get(repoKey(repo)) ?? []).map(({ categoryId: _, ...d }) => ({ ...d }));
  }

  pin(ref: IssueRef): void {
    this.pins.set(repoKey(ref), [...(this.pins.get(repoKey(ref)) ?? []), ref.number]);
  }

  isMinimized(commentId: string): RetireReason | null {
    return this.minimized.get(commentId) ?? null;
  }

  requestCount(method?: string): number {
    return method ? this.requests.filter((r) => r === method).length : this.requests.length;
  }

  writeCount(): number {
    return this.requests.filter((r) => WRITES.has(r)).length;
  }

  resetRequests(): void {
    this.requests.length = 0;
  }

  // --- the port ---

  async findDiscussionCategory(repo: RepoRef, name: string): Promise<DiscussionTarget | null> {
    this.requests.push("findDiscussionCategory");
    const found = this.categories
      .get(repoKey(repo))
      ?.find((c) => c.name.toLowerCase() === name.trim().toLowerCase());
    return { repositoryId: `R_${repoKey(repo)}`, categoryId: found?.id ?? null };
  }

  async listDiscussions(repo: RepoRef, categoryId: string): Promise<DeliveredPost[]> {
    this.requests.push("listDiscussions");
    return (this.discussions.get(repoKey(repo)) ?? [])
      .filter((d) => d.categoryId === categoryId)
      .sort((a, b) => b.number - a.number)
      .slice(0, RECENT_DISCUSSIONS)
      .map((d) => this.discussionPost(d));
  }

  async createDiscussion(input: {
    repositoryId: string;
    categoryId: string;
    title: string;
    body: string;
  }): Promise<DeliveredPost> {
    this.requests.push("createDiscussion");
    const [owner = "", repo = ""] = input.repositoryId.replace(/^R_/, "").split("/");
    const made = this.insert(
      { owner, repo },
      input.categoryId,
      this.github.appLogin,
      input.title,
      input.body,
    );
    return this.discussionPost(made);
  }

  async retireDiscussion(edit: RetireEdit): Promise<void> {
    this.requests.push("retireDiscussion");
    const found = [...this.discussions.values()].flat().find((d) => d.id === edit.id);
    if (!found) throw new Error(`no discussion ${edit.id}`);
    found.body = edit.body;
    found.closed = true;
    found.closeReason = edit.reason;
  }

  async findPinnedIssue(
    repo: RepoRef,
    pick: { number?: number; label: string },
  ): Promise<PinnedIssue | null> {
    this.requests.push("findPinnedIssue");
    const numbers =
      pick.number !== undefined
        ? [pick.number]
        : (this.pins.get(repoKey(repo)) ?? []).filter((n) =>
            this.github.labelsOf({ ...repo, number: n }).includes(pick.label),
          );
    const number = numbers[0];
    const issue = number === undefined ? undefined : this.github.issue({ ...repo, number });
    if (!issue || number === undefined) return null;
    const url = `https://github.com/${repoKey(repo)}/issues/${number}`;
    return {
      id: issue.id,
      number,
      url,
      comments: issue.comments.slice(-RECENT_COMMENTS).map((c) => ({
        id: c.id,
        seq: c.databaseId,
        url: `${url}#issuecomment-${c.databaseId}`,
        body: c.body,
        byViewer: c.author.toLowerCase() === this.github.appLogin.toLowerCase(),
        retired: this.minimized.has(c.id),
      })),
    };
  }

  async addComment(issueId: string, body: string): Promise<DeliveredPost> {
    this.requests.push("addComment");
    const [result] = await this.github.mutate([{ op: "addComment", subjectId: issueId, body }]);
    if (!result?.ok || !result.id) throw new Error("addComment failed");
    const ref = await this.github.findIssueByNodeId(issueId);
    const comment = ref && this.github.commentsOf(ref).find((c) => c.id === result.id);
    if (!ref || !comment) throw new Error("the new comment is missing");
    return {
      id: comment.id,
      seq: comment.databaseId,
      url: `https://github.com/${repoKey(ref)}/issues/${ref.number}#issuecomment-${comment.databaseId}`,
      body: comment.body,
      byViewer: true,
      retired: false,
    };
  }

  async retireComment(edit: RetireEdit): Promise<void> {
    this.requests.push("retireComment");
    const [result] = await this.github.mutate([
      { op: "updateComment", commentId: edit.id, body: edit.body },
    ]);
    if (!result?.ok) throw new Error(`updateComment failed: ${JSON.stringify(result)}`);
    this.minimized.set(edit.id, edit.reason);
  }

  private insert(repo: RepoRef, categoryId: string, author: string, title: string, body: string) {
    const number = 1000 + this.nextId++;
    const list = this.discussions.get(repoKey(repo)) ?? [];
    const category = this.categories.get(repoKey(repo))?.find((c) => c.id === categoryId);
    const made = {
      id: `D_${number}`,
      number,
      url: `https://github.com/${repoKey(repo)}/discussions/${number}`,
      category: category?.name ?? "",
      categoryId,
      title,
      body,
      author,
      closed: false,
      closeReason: null,
    };
    list.push(made);
    this.discussions.set(repoKey(repo), list);
    return made;
  }

  private discussionPost(d: DiscussionView): DeliveredPost {
    return {
      id: d.id,
      seq: d.number,
      url: d.url,
      body: d.body,
      byViewer: d.author.toLowerCase() === this.github.appLogin.toLowerCase(),
      retired: d.closed,
    };
  }
}
