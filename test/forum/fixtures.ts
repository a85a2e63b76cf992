/**
 * Discourse answers as its API sends them (field names and nesting from the published
 * description and Discourse's serializers), trimmed to what a real answer always has plus what
 * the adapter reads; small overrides make each case.
 */

export interface PostFixture {
  id: number;
  number: number;
  username: string;
  raw?: string;
  likes?: number;
}

const AT = "2026-03-02T09:30:00.000Z";

/** The post attributes every serialization of a post carries, the webhook's included. */
export function postAttributes(topicId: number, post: PostFixture) {
  return {
    id: post.id,
    name: post.username,
    username: post.username,
    avatar_template: `/user_avatar/forum.example.org/${post.username}/{size}/1_2.png`,
    created_at: AT,
    cooked: `<p>${post.raw ?? ""}</p>`,
    post_number: post.number,
    post_type: 1,
    updated_at: AT,
    reply_count: 0,
    reply_to_post_number: null,
    quote_count: 0,
    incoming_link_count: 0,
    reads: 1,
    score: 0,
    topic_id: topicId,
    topic_slug: "offline-sync-for-chw-app",
    display_username: post.username,
    primary_group_name: null,
    version: 1,
    user_title: null,
    bookmarked: false,
    moderator: false,
    admin: false,
    staff: false,
    user_id: post.id * 10,
    hidden: false,
    trust_level: 1,
    deleted_at: null,
    user_deleted: false,
    edit_reason: null,
    wiki: false,
  };
}

/** What the REST API adds for the user asking (the webhook leaves these out). */
function postCommon(topicId: number, post: PostFixture) {
  return {
    ...postAttributes(topicId, post),
    readers_count: 0,
    yours: false,
    can_edit: false,
    can_delete: false,
    can_recover: false,
    can_wiki: false,
    can_view_edit_history: true,
  };
}

/** `GET /posts/{id}.json`: one post with its raw text and like count. */
export function postBody(topicId: number, post: PostFixture, overrides: object = {}) {
  return {
    ...postCommon(topicId, post),
    posts_count: 3,
    raw: post.raw ?? "",
    actions_summary: [{ id: 2, count: post.likes ?? 0, can_act: true }],
    post_url: `/t/offline-sync-for-chw-app/${topicId}/${post.number}`,
    ...overrides,
  };
}

/** `POST /posts.json`: the post just created. */
export function createdBody(topicId: number, post: PostFixture) {
  return postBody(topicId, post, { actions_summary: [], draft_sequence: 0 });
}

/** The topic attributes of every topic view, the webhook's included. */
export function topicAttributes(id: number, postsCount: number) {
  return {
    tags: [],
    tags_descriptions: {},
    id,
    title: "Offline sync for the CHW app",
    fancy_title: "Offline sync for the CHW app",
    posts_count: postsCount,
    created_at: "2026-03-01T08:00:00.000Z",
    views: 12,
    reply_count: Math.max(0, postsCount - 1),
    like_count: 4,
    last_posted_at: AT,
    visible: true,
    closed: false,
    archived: false,
    archetype: "regular",
    slug: "offline-sync-for-chw-app",
    category_id: 7,
    word_count: 120,
    deleted_at: null,
    user_id: 10,
    featured_link: null,
    pinned_globally: false,
    pinned_at: null,
    pinned_until: null,
    unpinned: null,
    pinned: false,
    highest_post_number: postsCount,
    deleted_by: null,
    has_deleted: false,
    bookmarked: false,
    participant_count: 2,
    thumbnails: null,
  };
}

/** `GET /t/{id}.json`: the topic with its first page of posts (no raw text). */
export function topicBody(
  id: number,
  posts: PostFixture[],
  overrides: Record<string, unknown> = {},
) {
  return {
    post_stream: {
      posts: posts.map((post) => ({
        ...postCommon(id, post),
        link_counts: [],
        read: true,
        actions_summary: [],
        reviewable_id: 0,
        reviewable_score_count: 0,
        reviewable_score_pending_count: 0,
      })),
      stream: posts.map((post) => post.id),
    },
    timeline_lookup: [],
    suggested_topics: [],
    ...topicAttributes(id, posts.length),
    has_summary: false,
    image_url: null,
    slow_mode_seconds: 0,
    draft: null,
    draft_key: `topic_${id}`,
    draft_sequence: 0,
    actions_summary: [],
    chunk_size: 20,
    bookmarks: [],
    topic_timer: null,
    message_bus_last_id: 3,
    show_read_indicator: false,
    slow_mode_enabled_until: null,
    details: {},
    ...overrides,
  };
}

/** `GET /categories.json?include_subcategories=true`. */
export function categoriesBody() {
  const category = (id: number, slug: string, name: string, subcategories: object[] = []) => ({
    id,
    name,
    color: "0088CC",
    text_color: "FFFFFF",
    slug,
    topic_count: 3,
    post_count: 9,
    position: id,
    description: null,
    read_restricted: false,
    has_children: subcategories.length > 0,
    subcategory_ids: subcategories.map((sub) => (sub as { id: number }).id),
    subcategory_list: subcategories,
  });
  return {
    category_list: {
      can_create_category: false,
      can_create_topic: true,
      categories: [
        category(7, "squads", "Squads"),
        category(3, "product", "Product", [
          { id: 12, slug: "feature-requests", name: "Feature requests", parent_category_id: 3 },
        ]),
      ],
    },
  };
}

/** `GET /search.json`: posts that matched, and their topics (which the description omits). */
export function searchBody(hits: { topicId: number; title: string; postNumber?: number }[]) {
  return {
    posts: hits.map((hit, index) => ({
      id: 100 + index,
      name: "Amara",
      username: "amara",
      avatar_template: "/user_avatar/forum.example.org/amara/{size}/1_2.png",
      created_at: AT,
      like_count: 1,
      blurb: `…${hit.title.toLowerCase()}…`,
      post_number: hit.postNumber ?? 1,
      topic_title_headline: hit.title,
      topic_id: hit.topicId,
    })),
    topics: hits.map((hit) => ({
      id: hit.topicId,
      title: hit.title,
      fancy_title: hit.title,
      slug: hit.title.toLowerCase().replace(/\W+/g, "-"),
      posts_count: 2,
      category_id: 12,
      archetype: "regular",
    })),
    users: [],
    categories: [],
    tags: [],
    groups: [],
    grouped_search_result: {
      more_posts: null,
      more_users: null,
      more_categories: null,
      term: "offline sync",
      search_log_id: 1,
      more_full_page_results: null,
      can_create_topic: true,
      error: null,
      post_ids: hits.map((_, index) => 100 + index),
      user_ids: [],
      category_ids: [],
      tag_ids: [],
      group_ids: [],
    },
  };
}

/** Discourse's rate-limit answer for an API key. */
export const RATE_LIMITED = {
  errors: [
    "You’ve performed this action too many times. Please wait 2 seconds before trying again.",
  ],
  error_type: "rate_limit",
  extras: { wait_seconds: 2, time_left: "2 seconds" },
};
