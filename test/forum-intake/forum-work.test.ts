/**
 * Forum deliveries through the inbox's record and the runner: the tied repository's config
 * decides, a redelivery has the same inbox id, and the runner opens the request there.
 */
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { Runtime } from "../../src/app/runtime.js";
import {
  forumRepositoryOf,
  inboxDeliveryOf,
  isForumDelivery,
  runForumDelivery,
} from "../../src/bridge/forum-work.js";
import { SILENT_LOG } from "../../src/core/log.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import type { ForumDelivery } from "../../src/forum/webhook.js";
import { createWorld } from "../double/index.js";
import { MemorySimilarSearch } from "../double/search.js";
import { MemoryForum } from "../forum/memory-forum.js";
import { templates } from "../support/templates.js";

const FORUM = "https://forum.example.org";
const forumEnv = {
  url: FORUM,
  credentials: { apiKey: "k", apiUsername: "squad-bot" },
  webhookSecret: "s",
};

function setup(forumSection: string) {
  const world = createWorld({
    repos: ["cht-roadmap"],
    config: `preset: squad-journey\n${forumSection}`,
  });
  const forum = new MemoryForum({ apiUsername: "squad-bot" });
  const requests = forum.addCategory("feature-requests").id;
  const topicId = forum.addTopic({
    title: "Offline sync",
    raw: "Please",
    author: "amara",
    categoryId: requests,
  });
  const runtime = new Runtime({} as Probot, {
    githubFor: () => world.github,
    appLogin: async () => world.github.appLogin,
    onboardingSeed: acceptedOnboarding,
    templates,
    now: () => new Date(),
    dryRun: false,
  });
  const search = new MemorySimilarSearch(world.github);
  const deps = {
    repo: world.repo,
    forumEnv,
    log: SILENT_LOG,
    forum: () => forum,
    connect: async () => ({
      scope: runtime.scope(world.github, SILENT_LOG, 1, { search }),
      search,
    }),
  };
  const delivery: ForumDelivery = {
    id: "evt-1",
    event: "topic_created",
    instance: FORUM,
    hints: [
      {
        kind: "forumTopic",
        action: "created",
        topicId,
        title: "Offline sync",
        categoryId: requests,
        author: "amara",
      },
    ],
  };
  return { world, forum, deps, delivery };
}

const ISSUE_CONFIG = `forum:\n  url: ${FORUM}\n  categories:\n    featureRequests: feature-requests\n  intake: issue\n`;

describe("forum deliveries", () => {
  it("are recorded under their own names, the same id on a redelivery", () => {
    const { delivery } = setup(ISSUE_CONFIG);
    const recorded = inboxDeliveryOf(delivery);
    expect(recorded.name).toBe("forum:topic_created");
    expect(isForumDelivery(recorded)).toBe(true);
    expect(inboxDeliveryOf({ ...delivery }).id).toBe(recorded.id);
    // Without Discourse's event id, the same hints are the same work.
    const anonymous = { ...delivery, id: null };
    expect(inboxDeliveryOf(anonymous).id).toBe(inboxDeliveryOf({ ...anonymous }).id);
  });

  it("read the tied repository from SQUAD_BOT_FORUM_REPOSITORY", () => {
    expect(forumRepositoryOf({ SQUAD_BOT_FORUM_REPOSITORY: "medic/cht-roadmap" })).toEqual({
      owner: "medic",
      repo: "cht-roadmap",
    });
    expect(forumRepositoryOf({ SQUAD_BOT_FORUM_REPOSITORY: "not a repo" })).toBeNull();
    expect(forumRepositoryOf({})).toBeNull();
  });

  it("open the request in the tied repository, once under redelivery", async () => {
    const { world, deps, delivery } = setup(ISSUE_CONFIG);
    await runForumDelivery(deps, inboxDeliveryOf(delivery));
    await runForumDelivery(deps, inboxDeliveryOf(delivery));
    const requests = world.github.issues(world.repo).filter((i) => i.body.includes("forum-topic"));
    expect(requests).toHaveLength(1);
  });

  it("do nothing for a config of another forum than the key's", async () => {
    const { world, deps, delivery } = setup(
      ISSUE_CONFIG.replace(FORUM, "https://other.example.org"),
    );
    await runForumDelivery(deps, inboxDeliveryOf(delivery));
    expect(world.github.issues(world.repo)).toHaveLength(0);
  });

  it("do nothing without a forum section", async () => {
    const { world, deps, delivery } = setup("");
    await runForumDelivery(deps, inboxDeliveryOf(delivery));
    expect(world.github.issues(world.repo)).toHaveLength(0);
  });
});
