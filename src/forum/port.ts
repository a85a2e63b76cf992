/**
 * The one port to the forum (Discourse). Production implements it over Discourse's REST API
 * (`discourse-forum.ts`); tests and the demo use the stateful in-memory double (`test/forum/`).
 * Rule, as for GitHubPort: every method call is one HTTP request (a rate-limit retry repeats it),
 * so counting calls counts requests.
 */
import { OutsideError, type OutsideErrorKind } from "../core/outside-error.js";

export interface ForumCategory {
  id: number;
  slug: string;
  name: string;
  /** Null for a top-level category. */
  parentId: number | null;
}

/** A post as the topic lists it: enough to tell who wrote it, not its text. */
interface ForumPostSummary {
  id: number;
  /** 1 is the topic's first post. */
  number: number;
  username: string;
  createdAt: string;
  updatedAt: string;
}

export interface ForumTopic {
  id: number;
  title: string;
  slug: string;
  categoryId: number | null;
  /** Posts in the topic, the first one included. */
  postsCount: number;
  /** Replies as the forum's topic list shows them: every post after the first. */
  replies: number;
  /** Likes on every post of the topic. */
  likes: number;
  createdAt: string;
  /** The last post's time; the topic's creation when nobody replied. */
  lastActivityAt: string;
  closed: boolean;
  archived: boolean;
  /** A staff key still reads a deleted topic; callers treat it as gone. */
  deleted: boolean;
  /** The posts the forum sent with the topic (its first page, at most 20), in order. */
  posts: ForumPostSummary[];
  /** Every post id of the topic, in order, including those not in `posts`. */
  postIds: number[];
}

/** One post with its Markdown source, which is where the bot's hidden markers live. */
export interface ForumPost {
  id: number;
  topicId: number;
  number: number;
  username: string;
  raw: string;
  likes: number;
  createdAt: string;
  updatedAt: string;
  deleted: boolean;
}

export interface NewTopic {
  title: string;
  raw: string;
  categoryId: number;
  /** The idempotency key: `squad-bot:<owner>/<repo>#<n>`, `squad-bot:<org>:weekly:<period>`. */
  externalId: string;
}

export interface CreatedPost {
  postId: number;
  topicId: number;
  postNumber: number;
}

/** One topic the forum's search found, with the post that matched. */
export interface ForumSearchHit {
  topicId: number;
  title: string;
  slug: string;
  categoryId: number | null;
  postNumber: number;
  username: string;
  /** The forum's excerpt of the matching post (plain text, may be cut). */
  blurb: string;
}

export interface ForumPort {
  /** Every category the key can see, subcategories included. */
  listCategories(): Promise<ForumCategory[]>;
  /** Null when there is no such topic (or the key may not see that it exists). */
  getTopic(topicId: number): Promise<ForumTopic | null>;
  /** Null when there is no such post. */
  getPost(postId: number): Promise<ForumPost | null>;
  /** The id of the topic created with this `external_id`, or null. */
  findTopicByExternalId(externalId: string): Promise<number | null>;
  createTopic(topic: NewTopic): Promise<CreatedPost>;
  createReply(topicId: number, raw: string): Promise<CreatedPost>;
  editPost(postId: number, raw: string): Promise<void>;
  /** The forum's full-text search (Discourse syntax: `#category`, `in:first`, `order:latest`). */
  search(query: string): Promise<ForumSearchHit[]>;
}

/** A forum failure that says what to do next (see `isOutage`). */
export class ForumError extends OutsideError {
  constructor(message: string, kind: OutsideErrorKind, status?: number) {
    super(message, kind, status);
    this.name = "ForumError";
  }
}
