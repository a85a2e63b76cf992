/**
 * What a Discourse webhook tells the features, in the domain's words: "this forum topic, post or
 * like may need attention". The one place that reads Discourse's webhook payloads (through zod);
 * features never see one. Private messages and non-regular posts (whispers, moderator notes) are
 * never hints: the bot only reacts to what the community sees.
 */
import { z } from "zod";
import type { Log } from "../core/log.js";
import { sameName } from "../core/names.js";

interface ForumTopicHint {
  kind: "forumTopic";
  action: "created";
  topicId: number;
  title: string;
  categoryId: number | null;
  /** The forum username of whoever opened it, when Discourse says. */
  author: string | null;
}

interface ForumPostHint {
  kind: "forumPost";
  action: "created" | "edited";
  postId: number;
  topicId: number;
  /** 1 for the topic's first post. */
  postNumber: number;
  author: string;
  /** True when the bot's own forum account wrote it. */
  byBot: boolean;
  raw: string;
  topicTitle: string | null;
  categoryId: number | null;
  categorySlug: string | null;
}

interface ForumLikeHint {
  kind: "forumLike";
  postId: number;
  topicId: number;
  postNumber: number;
  liker: string;
  postAuthor: string;
  categoryId: number | null;
}

export type ForumHint = ForumTopicHint | ForumPostHint | ForumLikeHint;

/** The webhook events turned into hints: what to tick in Discourse's webhook settings. */
export const FORUM_EVENTS = ["topic_created", "post_created", "post_edited", "post_liked"] as const;

const REGULAR_POST = 1;
const PRIVATE_MESSAGE = "private_message";

const id = z.number().int().positive();
const user = z.object({ username: z.string().min(1) });

// Only what the bot reads; Discourse and its plugins add fields freely, so unknown keys pass.
const topicPayload = z.object({
  topic: z.object({
    id,
    title: z.string(),
    category_id: id.nullish(),
    archetype: z.string().default("regular"),
    created_by: user.nullish(),
  }),
});

const post = z.object({
  id,
  topic_id: id,
  post_number: id,
  post_type: z.number().int().default(REGULAR_POST),
  username: z.string().min(1),
  raw: z.string().default(""),
  topic_title: z.string().nullish(),
  topic_archetype: z.string().default("regular"),
  category_id: id.nullish(),
  category_slug: z.string().nullish(),
});
const postPayload = z.object({ post });
const likePayload = z.object({ like: z.object({ post, user }) });

function parse<S extends z.ZodType>(schema: S, payload: unknown, event: string, log: Log) {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data as z.output<S>;
  log.warn({ issues: parsed.error.issues }, `ignored a malformed Discourse ${event} payload`);
  return null;
}

const isPublicPost = (p: z.output<typeof post>) =>
  p.post_type === REGULAR_POST && p.topic_archetype !== PRIVATE_MESSAGE;

/** The hints of one delivery; `botUsername` marks the bot's own posts. */
export function forumHintsOf(
  event: string,
  payload: unknown,
  log: Log,
  botUsername: string | null = null,
): ForumHint[] {
  switch (event) {
    case "topic_created": {
      const p = parse(topicPayload, payload, event, log);
      if (!p || p.topic.archetype === PRIVATE_MESSAGE) return [];
      return [
        {
          kind: "forumTopic",
          action: "created",
          topicId: p.topic.id,
          title: p.topic.title,
          categoryId: p.topic.category_id ?? null,
          author: p.topic.created_by?.username ?? null,
        },
      ];
    }
    case "post_created":
    case "post_edited": {
      const p = parse(postPayload, payload, event, log)?.post;
      if (!p || !isPublicPost(p)) return [];
      return [
        {
          kind: "forumPost",
          action: event === "post_created" ? "created" : "edited",
          postId: p.id,
          topicId: p.topic_id,
          postNumber: p.post_number,
          author: p.username,
          byBot: botUsername !== null && sameName(p.username, botUsername),
          raw: p.raw,
          topicTitle: p.topic_title ?? null,
          categoryId: p.category_id ?? null,
          categorySlug: p.category_slug || null,
        },
      ];
    }
    case "post_liked": {
      const p = parse(likePayload, payload, event, log)?.like;
      if (!p || !isPublicPost(p.post)) return [];
      return [
        {
          kind: "forumLike",
          postId: p.post.id,
          topicId: p.post.topic_id,
          postNumber: p.post.post_number,
          liker: p.user.username,
          postAuthor: p.post.username,
          categoryId: p.post.category_id ?? null,
        },
      ];
    }
    default:
      return [];
  }
}
