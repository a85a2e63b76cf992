/**
 * A stateful in-memory forum behind ForumPort: tests assert what the forum ends up holding
 * (topics, posts, their text), not which calls were made. It keeps Discourse's rules that the
 * bot relies on: one topic per external id, posts numbered in order, a deleted topic answering
 * null, the API user as author of what the port writes.
 */

import type {
  CreatedPost,
  ForumCategory,
  ForumPort,
  ForumPost,
  ForumSearchHit,
  ForumTopic,
  NewTopic,
} from "../../src/forum/port.js";
import { ForumError } from "../../src/forum/port.js";

type Method = keyof ForumPort;

interface StoredTopic {
  id: number;
  title: string;
  slug: string;
  categoryId: number | null;
  externalId: string | null;
  createdAt: string;
  closed: boolean;
  deleted: boolean;
  posts: ForumPost[];
}

export interface MemoryForumOptions {
  /** The API user: what the port writes is authored by it. */
  apiUsername: string;
  now?: () => Date;
}

/** Discourse sends the first page of a topic's posts with it. */
const FIRST_PAGE = 20;

export class MemoryForum implements ForumPort {
  /** One entry per port call, i.e. per HTTP request the real adapter would make. */
  readonly requests: { method: Method; detail: string }[] = [];
  private readonly categories: ForumCategory[] = [];
  private readonly topics = new Map<number, StoredTopic>();
  private readonly failures = new Map<Method, ForumError[]>();
  private nextId = 1;

  constructor(private readonly options: MemoryForumOptions) {}

  // ---- setting the scene ----------------------------------------------------------------

  addCategory(slug: string, name = slug, parentId: number | null = null): ForumCategory {
    const category = { id: this.nextId++, slug, name, parentId };
    this.categories.push(category);
    return category;
  }

  /** A topic opened by a person; returns its id. */
  addTopic(topic: { title: string; raw: string; author: string; categoryId?: number }): number {
    return this.storeTopic({ ...topic, categoryId: topic.categoryId ?? null, externalId: null }).id;
  }

  /** A reply by anyone (the bot included, to stage an earlier run); returns the post. */
  addReply(topicId: number, author: string, raw: string): ForumPost {
    return { ...this.storePost(this.topicOrThrow(topicId), author, raw) };
  }

  like(postId: number, times = 1): void {
    const post = this.postById(postId);
    if (post) post.likes += times;
  }

  deleteTopic(topicId: number): void {
    this.topicOrThrow(topicId).deleted = true;
  }

  /** The next call of `method` throws `error` (queue several for several calls). */
  failNext(method: Method, error: ForumError): void {
    this.failures.set(method, [...(this.failures.get(method) ?? []), error]);
  }

  // ---- what tests read -------------------------------------------------------------------

  topic(topicId: number): Readonly<StoredTopic> | undefined {
    return this.topics.get(topicId);
  }

  postsOf(topicId: number): readonly ForumPost[] {
    return this.topics.get(topicId)?.posts ?? [];
  }

  topicCount(): number {
    return this.topics.size;
  }

  // ---- the port ---------------------------------------------------------------------------

  async listCategories(): Promise<ForumCategory[]> {
    this.record("listCategories", "");
    return this.categories.map((category) => ({ ...category }));
  }

  async getTopic(topicId: number): Promise<ForumTopic | null> {
    this.record("getTopic", `#${topicId}`);
    const topic = this.topics.get(topicId);
    if (!topic || topic.deleted) return null;
    const posts = topic.posts.filter((post) => !post.deleted);
    const last = posts.at(-1);
    return {
      id: topic.id,
      title: topic.title,
      slug: topic.slug,
      categoryId: topic.categoryId,
      postsCount: posts.length,
      replies: Math.max(0, posts.length - 1),
      likes: posts.reduce((sum, post) => sum + post.likes, 0),
      createdAt: topic.createdAt,
      lastActivityAt: last?.createdAt ?? topic.createdAt,
      closed: topic.closed,
      archived: false,
      deleted: false,
      posts: posts.slice(0, FIRST_PAGE).map((post) => ({
        id: post.id,
        number: post.number,
        username: post.username,
        createdAt: post.createdAt,
        updatedAt: post.updatedAt,
      })),
      postIds: posts.map((post) => post.id),
    };
  }

  async getPost(postId: number): Promise<ForumPost | null> {
    this.record("getPost", `#${postId}`);
    const post = this.postById(postId);
    return post && !post.deleted ? { ...post } : null;
  }

  async findTopicByExternalId(externalId: string): Promise<number | null> {
    this.record("findTopicByExternalId", externalId);
    const topic = [...this.topics.values()].find((t) => t.externalId === externalId);
    return topic && !topic.deleted ? topic.id : null;
  }

  async createTopic(topic: NewTopic): Promise<CreatedPost> {
    this.record("createTopic", topic.externalId);
    if (!this.categories.some((category) => category.id === topic.categoryId))
      throw new ForumError("createTopic: Category can't be blank", "validation", 422);
    // Discourse keeps external ids unique.
    if ([...this.topics.values()].some((t) => t.externalId === topic.externalId))
      throw new ForumError("createTopic: External ID has already been taken", "validation", 422);
    const stored = this.storeTopic({ ...topic, author: this.options.apiUsername });
    return created(stored.posts[0] as ForumPost);
  }

  async createReply(topicId: number, raw: string): Promise<CreatedPost> {
    this.record("createReply", `#${topicId}`);
    const topic = this.topics.get(topicId);
    if (!topic || topic.deleted)
      throw new ForumError("createReply: topic not found", "not-found", 404);
    return created(this.storePost(topic, this.options.apiUsername, raw));
  }

  async editPost(postId: number, raw: string): Promise<void> {
    this.record("editPost", `#${postId}`);
    const post = this.postById(postId);
    if (!post || post.deleted) throw new ForumError("editPost: post not found", "not-found", 404);
    post.raw = raw;
    post.updatedAt = this.now();
  }

  /** Every word of the query (Discourse's filters such as `#slug` aside) in the title or first post. */
  async search(query: string): Promise<ForumSearchHit[]> {
    this.record("search", query);
    const words = query
      .toLowerCase()
      .split(/\s+/)
      .filter((word) => word !== "" && !/^(#|@|\w+:)/.test(word));
    return [...this.topics.values()].flatMap((topic) => {
      const first = topic.posts[0];
      const text = `${topic.title} ${first?.raw ?? ""}`.toLowerCase();
      if (topic.deleted || !first || words.length === 0 || !words.every((w) => text.includes(w)))
        return [];
      return [
        {
          topicId: topic.id,
          title: topic.title,
          slug: topic.slug,
          categoryId: topic.categoryId,
          postNumber: 1,
          username: first.username,
          blurb: first.raw.slice(0, 200),
        },
      ];
    });
  }

  // ---- internals --------------------------------------------------------------------------

  private record(method: Method, detail: string): void {
    this.requests.push({ method, detail });
    const queued = this.failures.get(method);
    const failure = queued?.shift();
    if (failure) throw failure;
  }

  private now(): string {
    return (this.options.now?.() ?? new Date()).toISOString();
  }

  private storeTopic(topic: {
    title: string;
    raw: string;
    author: string;
    categoryId: number | null;
    externalId: string | null;
  }): StoredTopic {
    const stored: StoredTopic = {
      id: this.nextId++,
      title: topic.title,
      slug:
        topic.title
          .toLowerCase()
          .replace(/[^a-z0-9]+/g, "-")
          .replace(/^-|-$/g, "") || "topic",
      categoryId: topic.categoryId,
      externalId: topic.externalId,
      createdAt: this.now(),
      closed: false,
      deleted: false,
      posts: [],
    };
    this.topics.set(stored.id, stored);
    this.storePost(stored, topic.author, topic.raw);
    return stored;
  }

  private storePost(topic: StoredTopic, author: string, raw: string): ForumPost {
    const at = this.now();
    const post: ForumPost = {
      id: this.nextId++,
      topicId: topic.id,
      number: topic.posts.length + 1,
      username: author,
      raw,
      likes: 0,
      createdAt: at,
      updatedAt: at,
      deleted: false,
    };
    topic.posts.push(post);
    return post;
  }

  private topicOrThrow(topicId: number): StoredTopic {
    const topic = this.topics.get(topicId);
    if (!topic) throw new Error(`no topic ${topicId} in the memory forum`);
    return topic;
  }

  private postById(postId: number): ForumPost | undefined {
    for (const topic of this.topics.values()) {
      const post = topic.posts.find((p) => p.id === postId);
      if (post) return post;
    }
    return undefined;
  }
}

const created = (post: ForumPost): CreatedPost => ({
  postId: post.id,
  topicId: post.topicId,
  postNumber: post.number,
});
