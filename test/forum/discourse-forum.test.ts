/**
 * The Discourse adapter against nock on the real endpoints: what it reads, what it sends (each
 * request checked against Discourse's OpenAPI description), one counted request per call, and
 * 429s waited out a bounded number of times.
 */
import { describe, expect, it } from "vitest";
import { DiscourseForum } from "../../src/forum/discourse-forum.js";
import { CREDENTIALS, FORUM, useSpecCheckedForum } from "./discourse-spec.js";
import {
  categoriesBody,
  createdBody,
  postBody,
  RATE_LIMITED,
  searchBody,
  topicBody,
} from "./fixtures.js";

function createForum() {
  const requests: string[] = [];
  const waits: number[] = [];
  const rateLimits: string[] = [];
  const forum = new DiscourseForum({
    baseUrl: `${FORUM}/`,
    credentials: CREDENTIALS,
    onRequest: (kind) => requests.push(kind),
    onRateLimit: (why) => rateLimits.push(why),
    sleep: async (ms) => {
      waits.push(ms);
    },
  });
  return { forum, requests, waits, rateLimits };
}

const FIRST = { id: 501, number: 1, username: "amara", raw: "We need offline sync." };
const POSTS = [
  FIRST,
  { id: 502, number: 2, username: "squad-bot", raw: "Tracked in medic/cht-core#9" },
];

describe("reading a topic", () => {
  const api = useSpecCheckedForum();

  it("reads title, replies, likes, last activity and who wrote each post", async () => {
    const { forum, requests } = createForum();
    api().reply("GET", "/t/42.json", 200, topicBody(42, POSTS));
    const topic = await forum.getTopic(42);
    expect(topic).toMatchObject({
      id: 42,
      title: "Offline sync for the CHW app",
      categoryId: 7,
      replies: 1,
      likes: 4,
      lastActivityAt: "2026-03-02T09:30:00.000Z",
      deleted: false,
      postIds: [501, 502],
    });
    expect(topic?.posts.map((p) => [p.id, p.number, p.username])).toEqual([
      [501, 1, "amara"],
      [502, 2, "squad-bot"],
    ]);
    expect(requests).toEqual(["getTopic"]);
    expect(api().seen[0]?.headers).toMatchObject({
      "api-key": "test-key",
      "api-username": "squad-bot",
    });
  });

  it("answers null for a topic that does not exist", async () => {
    const { forum } = createForum();
    api().reply("GET", "/t/404.json", 404, {
      errors: ["The requested URL or resource could not be found."],
      error_type: "not_found",
    });
    expect(await forum.getTopic(404)).toBeNull();
  });

  it("says a topic a staff key still sees is deleted", async () => {
    const { forum } = createForum();
    api().reply(
      "GET",
      "/t/42.json",
      200,
      topicBody(42, POSTS, { deleted_at: "2026-03-03T00:00:00.000Z" }),
    );
    expect((await forum.getTopic(42))?.deleted).toBe(true);
  });

  it("reads the first post's raw text and its likes", async () => {
    const { forum, requests } = createForum();
    api().reply("GET", "/posts/501.json", 200, postBody(42, { ...FIRST, likes: 3 }));
    expect(await forum.getPost(501)).toMatchObject({
      id: 501,
      topicId: 42,
      number: 1,
      username: "amara",
      raw: "We need offline sync.",
      likes: 3,
    });
    expect(requests).toEqual(["getPost"]);
  });

  it("reports a forbidden topic as such rather than as missing", async () => {
    const { forum } = createForum();
    api().reply("GET", "/t/9.json", 403, {
      errors: ["You are not permitted to view the requested resource."],
      error_type: "invalid_access",
    });
    await expect(forum.getTopic(9)).rejects.toMatchObject({
      name: "ForumError",
      kind: "forbidden",
      status: 403,
    });
  });
});

describe("categories", () => {
  const api = useSpecCheckedForum();

  it("lists top-level categories and their subcategories with the parent", async () => {
    const { forum } = createForum();
    api().reply("GET", "/categories.json", 200, categoriesBody());
    expect(await forum.listCategories()).toEqual([
      { id: 7, slug: "squads", name: "Squads", parentId: null },
      { id: 3, slug: "product", name: "Product", parentId: null },
      { id: 12, slug: "feature-requests", name: "Feature requests", parentId: 3 },
    ]);
    expect(api().seen[0]?.url).toBe("/categories.json?include_subcategories=true");
  });
});

describe("topics the bot creates", () => {
  const api = useSpecCheckedForum();

  it("finds a topic by external id from the redirect without following it", async () => {
    const { forum, requests } = createForum();
    api().reply("GET", "/t/external_id/squad-bot%3Amedic%3Aweekly%3A2026-W10.json", 301, "", {
      location: `${FORUM}/t/squad-digest-2026-w10/77.json`,
    });
    expect(await forum.findTopicByExternalId("squad-bot:medic:weekly:2026-W10")).toBe(77);
    expect(requests).toEqual(["findTopicByExternalId"]);
  });

  it("answers null when no topic has that external id", async () => {
    const { forum } = createForum();
    api().reply("GET", "/t/external_id/squad-bot%3Amedic%2Fcht-core%239.json", 404, {
      errors: ["not found"],
    });
    expect(await forum.findTopicByExternalId("squad-bot:medic/cht-core#9")).toBeNull();
  });

  it("creates a topic in a category with its external id", async () => {
    const { forum, requests } = createForum();
    api().reply(
      "POST",
      "/posts.json",
      200,
      createdBody(80, { id: 900, number: 1, username: "squad-bot" }),
    );
    const created = await forum.createTopic({
      title: "Squad digest 2026-W10",
      raw: "Moves this week…",
      categoryId: 7,
      externalId: "squad-bot:medic:weekly:2026-W10",
    });
    expect(created).toEqual({ postId: 900, topicId: 80, postNumber: 1 });
    expect(api().seen[0]?.body).toEqual({
      title: "Squad digest 2026-W10",
      raw: "Moves this week…",
      category: 7,
      external_id: "squad-bot:medic:weekly:2026-W10",
    });
    expect(requests).toEqual(["createTopic"]);
  });

  it("replies in a topic and edits a post in place", async () => {
    const { forum, requests } = createForum();
    api()
      .reply(
        "POST",
        "/posts.json",
        200,
        createdBody(42, { id: 503, number: 3, username: "squad-bot" }),
      )
      .reply("PUT", "/posts/503.json", 200, {
        post: createdBody(42, { id: 503, number: 3, username: "squad-bot" }),
      });
    expect(await forum.createReply(42, "Entered Design")).toEqual({
      postId: 503,
      topicId: 42,
      postNumber: 3,
    });
    await forum.editPost(503, "Entered Build");
    expect(api().seen.map((r) => r.body)).toEqual([
      { topic_id: 42, raw: "Entered Design" },
      { post: { raw: "Entered Build" } },
    ]);
    expect(requests).toEqual(["createReply", "editPost"]);
  });

  it("reports Discourse's validation message when a post is refused", async () => {
    const { forum } = createForum();
    api().reply("POST", "/posts.json", 422, {
      action: "create_post",
      errors: ["Title is too short (minimum is 15 characters)"],
    });
    await expect(
      forum.createTopic({ title: "Short", raw: "x", categoryId: 7, externalId: "squad-bot:a/b#1" }),
    ).rejects.toMatchObject({
      kind: "validation",
      message: "createTopic: Title is too short (minimum is 15 characters)",
    });
  });
});

describe("search", () => {
  const api = useSpecCheckedForum();

  it("returns one hit per topic with its title, from Discourse's posts and topics", async () => {
    const { forum } = createForum();
    api().reply(
      "GET",
      "/search.json",
      200,
      searchBody([
        { topicId: 42, title: "Offline sync for the CHW app" },
        { topicId: 42, title: "Offline sync for the CHW app", postNumber: 4 },
        { topicId: 51, title: "Sync conflicts when offline" },
      ]),
    );
    const hits = await forum.search("offline sync #feature-requests");
    expect(hits.map((h) => [h.topicId, h.title, h.postNumber, h.categoryId])).toEqual([
      [42, "Offline sync for the CHW app", 1, 12],
      [51, "Sync conflicts when offline", 1, 12],
    ]);
    expect(api().seen[0]?.url).toBe("/search.json?q=offline%20sync%20%23feature-requests");
  });
});

describe("rate limits and outages", () => {
  const api = useSpecCheckedForum();

  it("waits out a 429 with Retry-After and counts both requests", async () => {
    const { forum, requests, waits, rateLimits } = createForum();
    api()
      .reply("GET", "/t/42.json", 429, RATE_LIMITED, { "retry-after": "2" })
      .reply("GET", "/t/42.json", 200, topicBody(42, POSTS));
    expect((await forum.getTopic(42))?.id).toBe(42);
    expect(waits).toEqual([2000]);
    expect(requests).toEqual(["getTopic", "getTopic"]);
    expect(rateLimits).toEqual(["getTopic: rate-limited, retrying in 2s (try 1 of 2)"]);
  });

  it("gives up after two retries", async () => {
    const { forum, requests, waits } = createForum();
    api().replyTimes(3, "POST", "/posts.json", 429, RATE_LIMITED, { "retry-after": "1" });
    await expect(forum.createReply(42, "hi")).rejects.toMatchObject({
      kind: "rate-limited",
      status: 429,
    });
    expect(waits).toEqual([1000, 1000]);
    expect(requests).toHaveLength(3);
  });

  it("does not sleep when the forum asks for a long wait", async () => {
    const { forum, waits } = createForum();
    api().reply("PUT", "/posts/503.json", 429, RATE_LIMITED, { "retry-after": "45" });
    await expect(forum.editPost(503, "x")).rejects.toMatchObject({ kind: "rate-limited" });
    expect(waits).toEqual([]);
  });

  it("reads the wait from Discourse's body when the header is missing", async () => {
    const { forum, waits } = createForum();
    api()
      .reply("GET", "/posts/501.json", 429, RATE_LIMITED)
      .reply("GET", "/posts/501.json", 200, postBody(42, FIRST));
    await forum.getPost(501);
    expect(waits).toEqual([2000]);
  });

  it("calls a server error an outage, and so does no answer at all", async () => {
    const { forum } = createForum();
    api().reply("GET", "/t/42.json", 502, "<html>Bad gateway</html>");
    await expect(forum.getTopic(42)).rejects.toMatchObject({ kind: "server", status: 502 });
    // No mock: nock refuses the connection, as a forum that is down would.
    await expect(forum.getTopic(43)).rejects.toMatchObject({ kind: "unavailable" });
  });
});
