/**
 * Discourse webhook deliveries as Discourse builds them: the body is `{ <event type>: payload }`
 * with the payload from WebHookTopicViewSerializer (topics), WebHookPostSerializer (posts) and
 * WebHookLikeSerializer (`{ post, user }`); headers as its EmitWebHookEvent job sets them.
 * Field lists follow those serializers (and payloads captured from real forums); values are ours.
 */
import { createHmac } from "node:crypto";

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
      tags: [],
      tags_descriptions: {},
      id: 42,
      title: "Offline sync for the CHW app",
      fancy_title: "Offline sync for the CHW app",
      posts_count: 1,
      created_at: "2026-03-01T08:00:00.000Z",
      views: 0,
      reply_count: 0,
      like_count: 0,
      last_posted_at: "2026-03-01T08:00:00.000Z",
      visible: true,
      closed: false,
      archived: false,
      archetype: "regular",
      slug: "offline-sync-for-the-chw-app",
      category_id: 7,
      word_count: 48,
      deleted_at: null,
      user_id: 10,
      featured_link: null,
      pinned_globally: false,
      pinned_at: null,
      pinned_until: null,
      unpinned: null,
      pinned: false,
      highest_post_number: 1,
      deleted_by: null,
      has_deleted: false,
      bookmarked: false,
      participant_count: 1,
      thumbnails: null,
      created_by: basicUser(10, "amara"),
      last_poster: basicUser(10, "amara"),
      ...overrides,
    },
  };
}

function postPayload(overrides: Record<string, unknown>) {
  return {
    id: 501,
    name: "Amara",
    username: "amara",
    avatar_template: "/user_avatar/forum.example.org/amara/{size}/1_2.png",
    created_at: "2026-03-01T08:00:00.000Z",
    cooked: "<p>We need offline sync.</p>",
    post_number: 1,
    post_type: 1,
    updated_at: "2026-03-01T08:00:00.000Z",
    reply_count: 0,
    reply_to_post_number: null,
    quote_count: 0,
    incoming_link_count: 0,
    reads: 0,
    score: 0,
    topic_id: 42,
    topic_slug: "offline-sync-for-the-chw-app",
    topic_title: "Offline sync for the CHW app",
    category_id: 7,
    display_username: "Amara",
    primary_group_name: null,
    flair_name: null,
    flair_group_id: null,
    version: 1,
    user_title: null,
    bookmarked: false,
    raw: "We need offline sync.",
    moderator: false,
    admin: false,
    staff: false,
    user_id: 10,
    hidden: false,
    trust_level: 1,
    deleted_at: null,
    user_deleted: false,
    edit_reason: null,
    wiki: false,
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
