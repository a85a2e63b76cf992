/**
 * The production ForumPort: Discourse's REST API through the typed client, one request per
 * method. Request shapes come from the generated types; response parts the description leaves
 * untyped (search results, subcategories, the external-id redirect) are read through zod.
 */
import { z } from "zod";
import {
  createSender,
  type DiscourseClientOptions,
  type Sender,
  send,
  unlessNotFound,
} from "./discourse-client.js";
import type { paths } from "./discourse-openapi.js";
import type {
  CreatedPost,
  ForumCategory,
  ForumPort,
  ForumPost,
  ForumSearchHit,
  ForumTopic,
  NewTopic,
} from "./port.js";
import { ForumError } from "./port.js";
import { topicOfPath } from "./topic-url.js";

/** `POST /posts.json` as the description defines it: a topic, a reply or a private message. */
type CreatePostBody = NonNullable<
  paths["/posts.json"]["post"]["requestBody"]
>["content"]["application/json"];

/** Discourse's post action type of a like. */
const LIKE = 2;

const subcategory = z.object({ id: z.number().int(), slug: z.string(), name: z.string() });
const searchPost = z.object({
  topic_id: z.number().int(),
  post_number: z.number().int(),
  username: z.string(),
  blurb: z.string().default(""),
});
const searchTopic = z.object({
  id: z.number().int(),
  title: z.string(),
  slug: z.string(),
  category_id: z.number().int().nullish(),
});
/** The description lists search posts as `{}` and has no `topics`; Discourse sends both. */
const searchResults = z.object({
  posts: z.array(searchPost).default([]),
  topics: z.array(searchTopic).default([]),
});

const createdPost = (post: { id: number; topic_id: number; post_number: number }) => ({
  postId: post.id,
  topicId: post.topic_id,
  postNumber: post.post_number,
});

export class DiscourseForum implements ForumPort {
  private readonly sender: Sender;

  /** Make one per event: `onRequest` counts that event's requests. */
  constructor(options: DiscourseClientOptions) {
    this.sender = createSender(options);
  }

  async listCategories(): Promise<ForumCategory[]> {
    const { data } = await send(this.sender, "listCategories", (client) =>
      client.GET("/categories.json", { params: { query: { include_subcategories: true } } }),
    );
    return (data?.category_list.categories ?? []).flatMap((category) => [
      { id: category.id, slug: category.slug, name: category.name, parentId: null },
      ...z
        .array(subcategory)
        .catch([])
        .parse(category.subcategory_list ?? [])
        .map((sub) => ({ ...sub, parentId: category.id })),
    ]);
  }

  async getTopic(topicId: number): Promise<ForumTopic | null> {
    const { auth } = this.sender;
    const answer = await unlessNotFound(
      send(this.sender, "getTopic", (client) =>
        client.GET("/t/{id}.json", { params: { header: auth, path: { id: String(topicId) } } }),
      ),
    );
    const topic = answer?.data;
    if (!topic) return null;
    return {
      id: topic.id,
      title: topic.title,
      slug: topic.slug,
      categoryId: topic.category_id ?? null,
      postsCount: topic.posts_count,
      replies: Math.max(0, topic.posts_count - 1),
      likes: topic.like_count,
      createdAt: topic.created_at,
      lastActivityAt: topic.last_posted_at ?? topic.created_at,
      closed: topic.closed,
      archived: topic.archived,
      deleted: topic.deleted_at != null,
      posts: topic.post_stream.posts.map((post) => ({
        id: post.id,
        number: post.post_number,
        username: post.username,
        createdAt: post.created_at,
        updatedAt: post.updated_at,
      })),
      postIds: z.array(z.number().int()).catch([]).parse(topic.post_stream.stream),
    };
  }

  async getPost(postId: number): Promise<ForumPost | null> {
    const answer = await unlessNotFound(
      send(this.sender, "getPost", (client) =>
        client.GET("/posts/{id}.json", { params: { path: { id: String(postId) } } }),
      ),
    );
    const post = answer?.data;
    if (!post) return null;
    return {
      id: post.id,
      topicId: post.topic_id,
      number: post.post_number,
      username: post.username,
      raw: post.raw,
      likes: post.actions_summary.find((action) => action.id === LIKE)?.count ?? 0,
      createdAt: post.created_at,
      updatedAt: post.updated_at,
      deleted: post.deleted_at != null,
    };
  }

  async findTopicByExternalId(externalId: string): Promise<number | null> {
    // The answer is a redirect to the topic; its address is all we need, so it is not followed.
    const answer = await unlessNotFound(
      send(this.sender, "findTopicByExternalId", (client) =>
        client.GET("/t/external_id/{external_id}.json", {
          params: { path: { external_id: externalId } },
          redirect: "manual",
        }),
      ),
    );
    if (!answer) return null;
    const id = topicOfPath(answer.response.headers.get("location"))?.topicId ?? null;
    if (id === null) {
      throw new ForumError(
        `findTopicByExternalId: the forum answered ${answer.response.status} without a topic address`,
        "unknown",
        answer.response.status,
      );
    }
    return id;
  }

  async createTopic(topic: NewTopic): Promise<CreatedPost> {
    const body = {
      title: topic.title,
      raw: topic.raw,
      category: topic.categoryId,
      external_id: topic.externalId,
    };
    return createdPost(await this.createPost("createTopic", body));
  }

  async createReply(topicId: number, raw: string): Promise<CreatedPost> {
    return createdPost(await this.createPost("createReply", { topic_id: topicId, raw }));
  }

  async editPost(postId: number, raw: string): Promise<void> {
    await send(this.sender, "editPost", (client) =>
      client.PUT("/posts/{id}.json", {
        params: { path: { id: String(postId) } },
        body: { post: { raw } },
      }),
    );
  }

  async search(query: string): Promise<ForumSearchHit[]> {
    const { data } = await send(this.sender, "search", (client) =>
      client.GET("/search.json", { params: { query: { q: query } } }),
    );
    const results = searchResults.safeParse(data ?? {});
    if (!results.success) return [];
    const topics = new Map(results.data.topics.map((topic) => [topic.id, topic]));
    const seen = new Set<number>();
    return results.data.posts.flatMap((post) => {
      const topic = topics.get(post.topic_id);
      if (!topic || seen.has(topic.id)) return [];
      seen.add(topic.id);
      return [
        {
          topicId: topic.id,
          title: topic.title,
          slug: topic.slug,
          categoryId: topic.category_id ?? null,
          postNumber: post.post_number,
          username: post.username,
          blurb: post.blurb,
        },
      ];
    });
  }

  private async createPost(kind: string, body: CreatePostBody) {
    const { data } = await send(this.sender, kind, (client) =>
      client.POST("/posts.json", { body }),
    );
    if (!data) throw new ForumError(`${kind}: the forum answered without the post`, "unknown");
    return data;
  }
}
