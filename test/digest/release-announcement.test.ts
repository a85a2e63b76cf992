/** The week's release announcement: one topic, edited as features arrive, nobody mentioned. */
import { describe, expect, it } from "vitest";
import { executeBridge } from "../../src/actions/bridge-executor.js";
import { reportedPeriod } from "../../src/features/digest/period.js";
import {
  announcementExternalId,
  planReleaseAnnouncement,
  type ReleasedFeature,
} from "../../src/features/digest/release-announcement.js";
import { MemoryForum } from "../forum/memory-forum.js";
import { templates } from "../support/templates.js";

const week = reportedPeriod("weekly", new Date("2026-12-08T10:00:00Z"), "UTC");
const sync: ReleasedFeature = {
  title: "Sync status for CHWs",
  url: "https://github.com/medic/cht-core/issues/3",
  lead: "lena-lead",
  members: ["wes-writer", "Lena-Lead"],
  reviewers: ["mia-maintainer"],
};
const hostile: ReleasedFeature = {
  title: "@everyone <script>x</script>",
  url: "javascript:alert(1)",
  lead: null,
  members: [],
  reviewers: [],
};

async function announce(forum: MemoryForum, categoryId: number, features: ReleasedFeature[]) {
  const topicId = await forum.findTopicByExternalId(announcementExternalId("medic", week));
  const first = topicId === null ? null : forum.postsOf(topicId)[0];
  const existing = first ? (first.username === "squad-bot" ? { ...first } : undefined) : null;
  const actions = planReleaseAnnouncement({
    org: "medic",
    week,
    features,
    categoryId,
    existing,
    templates,
  });
  return executeBridge({ forum }, actions, { dryRun: false });
}

describe("the release announcement", () => {
  it("is one topic per week, edited in place as more features reach Release", async () => {
    const forum = new MemoryForum({ apiUsername: "squad-bot" });
    const category = forum.addCategory("release-announcements").id;
    await announce(forum, category, [sync]);
    await announce(forum, category, [sync, { ...sync, title: "Offline maps", lead: "amara" }]);
    expect(forum.topicCount()).toBe(1);
    const topicId = (await forum.findTopicByExternalId(announcementExternalId("medic", week))) ?? 0;
    const [post] = forum.postsOf(topicId);
    expect(post?.raw).toContain("Offline maps");
    expect(post?.raw).toContain("[lena-lead](https://github.com/lena-lead)");
    expect(post?.raw.match(/lena-lead\]/g)).toHaveLength(2); // once per feature, not per role
    expect(post?.raw).toContain("[mia-maintainer](https://github.com/mia-maintainer)");
    const again = await announce(forum, category, [
      sync,
      { ...sync, title: "Offline maps", lead: "amara" },
    ]);
    expect(again.writes).toEqual([]);
  });

  it("plans nothing without released features", () => {
    expect(
      planReleaseAnnouncement({
        org: "medic",
        week,
        features: [],
        categoryId: 1,
        existing: null,
        templates,
      }),
    ).toEqual([]);
  });

  it("mentions nobody and loads nothing from hostile titles", async () => {
    const forum = new MemoryForum({ apiUsername: "squad-bot" });
    const category = forum.addCategory("release-announcements").id;
    await announce(forum, category, [hostile]);
    const topicId = (await forum.findTopicByExternalId(announcementExternalId("medic", week))) ?? 0;
    const raw = forum.postsOf(topicId)[0]?.raw ?? "";
    expect(raw).not.toMatch(/@[a-z]/i);
    expect(raw).not.toContain("<script");
    expect(raw).not.toContain("javascript:");
  });
});
