/**
 * Discourse webhook deliveries as Discourse builds them: the body is `{ <event type>: payload }`
 * with the payload from WebHookTopicViewSerializer (topics), WebHookPostSerializer (posts) and
 * WebHookLikeSerializer (`{ post, user }`); headers as its EmitWebHookEvent job sets them.
 * Field lists follow those serializers (and payloads captured from real forums); values are ours.
 */
import { createHmac } from "node:crypto";
import { postAttributes, topicAttributes } from "./fixtures.js";

export const SECRET = "forum-webhook-secret";

const basicUser = (id: number, username: string) => ({
  id,
  username,
  name: username,
  avatar_template: `/user_avatar/forum.example.org/${username}/{size}/1_2.png`,
});

/** `topic_created`: the topic view without its post stream (so without the first post's text). */
export function topicCreated(overrides: Record<string, unknown> = {}) {
  return {
    topic: {
      ...topicAttributes(42, 1),
      views: 0,
      like_count: 0,
      last_posted_at: "2026-03-01T08:00:00.000Z",
      created_by: basicUser(10, "amara"),
      last_poster: basicUser(10, "amara"),
      ...overrides,
    },
  };
}

/** WebHookPostSerializer: the post with its raw text, topic title and category, no user-specific fields. */
function postPayload(overrides: Record<string, unknown>) {
  return {
    ...postAttributes(42, { id: 501, number: 1, username: "amara", raw: "We need offline sync." }),
    name: "Amara",
    display_username: "Amara",
    reads: 0,
    created_at: "2026-03-01T08:00:00.000Z",
    updated_at: "2026-03-01T08:00:00.000Z",
    topic_title: "Offline sync for the CHW app",
    category_id: 7,
    flair_name: null,
    flair_group_id: null,
    raw: "We need offline sync.",
    reviewable_id: null,
    reviewable_score_count: 0,
    reviewable_score_pending_count: 0,
    topic_posts_count: 1,
    topic_filtered_posts_count: 1,
    topic_archetype: "regular",
    category_slug: "squads",
    ...overrides,
  };
}

/** `post_created` and `post_edited` share the post payload. */
export function postEvent(overrides: Record<string, unknown> = {}) {
  return { post: postPayload(overrides) };
}

/** `post_liked`: the liked post and who liked it. */
export function postLiked(liker = "bongani", overrides: Record<string, unknown> = {}) {
  return { like: { post: postPayload(overrides), user: basicUser(20, liker) } };
}

const TYPE_OF: Record<string, string> = {
  topic_created: "topic",
  post_created: "post",
  post_edited: "post",
  post_liked: "like",
  ping: "ping",
};

/** The headers Discourse sends with `body`, signed with `secret` unless it is null. */
export function deliveryHeaders(
  event: string,
  body: string,
  secret: string | null = SECRET,
  id = "1001",
): Record<string, string> {
  return {
    "content-type": "application/json",
    "user-agent": "Discourse/3.4.0",
    "x-discourse-instance": "https://forum.example.org",
    "x-discourse-event-id": id,
    "x-discourse-event-type": TYPE_OF[event] ?? event,
    "x-discourse-event": event,
    ...(secret === null
      ? {}
      : {
          "x-discourse-event-signature": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
        }),
  };
}
