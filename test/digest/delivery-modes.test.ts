/** Discussion and pinned-comment delivery against the in-memory GitHub: one post per period. */
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import { digestsConfigSchema } from "../../src/features/digest/config.js";
import { DIGEST_MARKER } from "../../src/features/digest/delivery.js";
import { planPost } from "../../src/features/digest/post-plan.js";
import { type DigestRunInput, runDigest } from "../../src/features/digest/run.js";
import { MemoryDigestDelivery } from "../double/digest-delivery.js";
import { templates } from "../support/templates.js";
import { digestWorld, MONDAY, seedRealisticWeek } from "./fixtures.js";

const LABEL = "squad-bot: digest";
const NEXT_MONDAY = "2026-12-07T08:00:00Z";
const forged = (key: string) => `${encodeMarker(DIGEST_MARKER, { kind: "weekly", key })}\nfake`;

async function setup(digests: object) {
  const d = await digestWorld({ digests });
  seedRealisticWeek(d);
  d.world.github.resetRequests();
  const delivery = new MemoryDigestDelivery(d.world.github);
  const input = (at = MONDAY, extra: Partial<DigestRunInput> = {}): DigestRunInput => ({
    port: d.world.github,
    delivery,
    source: d.source,
    home: d.world.repo,
    config: d.config,
    digests: d.digests,
    kind: "weekly",
    now: new Date(at),
    author: d.world.github.appLogin,
    templates,
    ...extra,
  });
  return { d, delivery, input, repo: d.world.repo };
}

async function discussions() {
  const s = await setup({ delivery: "discussion", discussionCategory: "Digests" });
  s.delivery.addCategory(s.repo, "General");
  s.delivery.addCategory(s.repo, "Digests");
  const posts = () => s.delivery.discussionsOf(s.repo).filter((p) => p.author !== "mallory");
  return { ...s, posts };
}

async function pinned(digests: object = {}) {
  const s = await setup({ delivery: "pinned-comment", ...digests });
  const github = s.d.world.github;
  const other = github.as("mia-maintainer").openIssue(s.repo, { title: "Roadmap", labels: [] });
  const home = github
    .as("mia-maintainer")
    .openIssue(s.repo, { title: "Squad digests", labels: [LABEL] });
  s.delivery.pin(other.ref);
  s.delivery.pin(home.ref);
  const posts = () =>
    github.botComments(home.ref).map((c) => ({ ...c, minimized: s.delivery.isMinimized(c.id) }));
  return { ...s, home: home.ref, other: other.ref, posts };
}

describe("digest delivery as a discussion", () => {
  it("posts one discussion in the category, however often it runs", async () => {
    const { delivery, input, posts } = await discussions();
    const first = await runDigest(input());
    expect(first.outcome).toBe("posted");
    expect(first.post?.url).toMatch(/\/discussions\/\d+$/);
    delivery.resetRequests();
    for (const at of [MONDAY, "2026-12-02T10:00:00Z", "2026-12-06T23:00:00Z"]) {
      expect((await runDigest(input(at))).outcome).toBe("exists");
    }
    expect(posts()).toMatchObject([{ category: "Digests", closed: false }]);
    expect(posts()[0]?.body).toContain("## Squad digest 2026-W48");
    expect(delivery.writeCount()).toBe(0);
    // One read for the category, one for its discussions.
    expect(delivery.requestCount()).toBe(6);
  });

  it("converges to one discussion when runs race", async () => {
    const { input, posts } = await discussions();
    const outcomes = await Promise.all([1, 2, 3].map(() => runDigest(input())));
    const open = posts().filter((p) => !p.closed);
    expect(open).toHaveLength(1);
    // The runs did race: each posted before seeing the others.
    expect(posts()).toHaveLength(3);
    expect(outcomes.map((o) => o.post?.id)).toEqual([1, 2, 3].map(() => open[0]?.id));
    expect(outcomes.filter((o) => o.outcome === "posted")).toHaveLength(1);
    for (const copy of posts().filter((p) => p.closed)) {
      expect(copy).toMatchObject({ closeReason: "DUPLICATE" });
      expect(copy.body).toContain(`A second copy of ${open[0]?.url}`);
    }
  });

  it("closes the previous period's discussion as outdated, once, and never a later one", async () => {
    const { delivery, input, posts } = await discussions();
    const w48 = await runDigest(input());
    const w49 = await runDigest(input(NEXT_MONDAY));
    expect(posts().map((p) => [p.closed, p.closeReason])).toEqual([
      [true, "OUTDATED"],
      [false, null],
    ]);
    expect(posts()[0]?.body).toContain(`Superseded by the next digest: ${w49.post?.url}`);
    delivery.resetRequests();
    await runDigest(input(NEXT_MONDAY));
    // A back-dated rerun of W48 finds its post and leaves W49 alone.
    await runDigest(input(NEXT_MONDAY, { period: w48.period }));
    expect(delivery.writeCount()).toBe(0);
    expect(posts()[1]).toMatchObject({ closed: false });
  });

  it("ignores digest markers in discussions it did not write", async () => {
    const { delivery, input, posts, repo } = await discussions();
    const fake = delivery.startDiscussion(
      "mallory",
      repo,
      "Digests",
      "x",
      forged("weekly:2026-W48"),
    );
    const old = delivery.startDiscussion(
      "mallory",
      repo,
      "Digests",
      "y",
      forged("weekly:2026-W40"),
    );
    expect((await runDigest(input())).outcome).toBe("posted");
    expect(posts()).toHaveLength(1);
    const mallory = delivery.discussionsOf(repo).filter((p) => p.author === "mallory");
    expect(mallory.map((p) => [p.id, p.closed, p.body])).toEqual([
      [fake.id, false, fake.body],
      [old.id, false, old.body],
    ]);
  });

  it("reads and plans in a dry run, and writes nothing, not even the retirement", async () => {
    const { d, delivery, input, posts } = await discussions();
    const dry = await runDigest(input(MONDAY, { dryRun: true }));
    expect(dry).toMatchObject({ outcome: "dry-run", post: null });
    expect(dry.writes).toEqual([
      'post "Squad digest 2026-W48 (23 Nov 2026 – 29 Nov 2026)" as a discussion',
    ]);
    expect(posts()).toEqual([]);
    await runDigest(input());
    delivery.resetRequests();
    d.world.github.resetRequests();
    const next = await runDigest(input(NEXT_MONDAY, { dryRun: true }));
    expect(next.writes).toEqual([
      'post "Squad digest 2026-W49 (30 Nov 2026 – 6 Dec 2026)" as a discussion',
    ]);
    // Read: the category and its discussions; written: nothing, here or through the GitHub port.
    expect(delivery.requests).toEqual(["findDiscussionCategory", "listDiscussions"]);
    expect(d.world.github.writeCount()).toBe(0);
    expect(posts().map((p) => p.closed)).toEqual([false]);
  });

  it("names the category when it is missing, and requires one in the config", async () => {
    const { input, d } = await setup({ delivery: "discussion", discussionCategory: "Digests" });
    await expect(runDigest(input())).rejects.toThrow(/no discussion category "Digests"/);
    const parsed = digestsConfigSchema.safeParse({ delivery: "discussion" });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]).toMatchObject({
      path: ["discussionCategory"],
      message: expect.stringContaining("needs `discussionCategory`"),
    });
    expect(d.world.github.writeCount()).toBe(0);
  });
});

describe("digest delivery as a pinned-issue comment", () => {
  it("comments once on the labelled pinned issue, however often it runs", async () => {
    const { delivery, input, posts } = await pinned();
    expect((await runDigest(input())).outcome).toBe("posted");
    delivery.resetRequests();
    for (const at of [MONDAY, "2026-12-06T23:00:00Z"]) {
      expect((await runDigest(input(at))).outcome).toBe("exists");
    }
    expect(posts()).toHaveLength(1);
    expect(posts()[0]?.body).toContain("## Squad digest 2026-W48");
    // A rerun is one read: the pinned issue with its comments.
    expect(delivery.requests).toEqual(["findPinnedIssue", "findPinnedIssue"]);
  });

  it("converges to one comment when runs race", async () => {
    const { input, posts } = await pinned();
    const outcomes = await Promise.all([1, 2].map(() => runDigest(input())));
    const live = posts().filter((c) => c.minimized === null);
    expect(live).toHaveLength(1);
    expect(posts()).toHaveLength(2);
    expect(outcomes.map((o) => o.post?.id)).toEqual([live[0]?.id, live[0]?.id]);
    for (const copy of posts().filter((c) => c.minimized !== null)) {
      expect(copy.minimized).toBe("DUPLICATE");
      expect(copy.body).toContain("A second copy of");
    }
  });

  it("minimizes the previous period's comment as outdated, once", async () => {
    const { delivery, input, posts } = await pinned();
    await runDigest(input());
    const w49 = await runDigest(input(NEXT_MONDAY));
    expect(posts().map((c) => c.minimized)).toEqual(["OUTDATED", null]);
    expect(posts()[0]?.body).toContain(`Superseded by the next digest: ${w49.post?.url}`);
    delivery.resetRequests();
    await runDigest(input(NEXT_MONDAY));
    expect(delivery.writeCount()).toBe(0);
  });

  it("ignores digest markers in comments it did not write", async () => {
    const { d, input, posts, home } = await pinned();
    d.world.github.as("mallory").comment(home, forged("weekly:2026-W48"));
    expect((await runDigest(input())).outcome).toBe("posted");
    expect(posts()).toHaveLength(1);
  });

  it("reads the pinned issue and plans the comment in a dry run, and writes nothing", async () => {
    const { d, delivery, input, posts } = await pinned();
    const dry = await runDigest(input(MONDAY, { dryRun: true }));
    expect(dry).toMatchObject({ outcome: "dry-run", post: null });
    expect(dry.writes).toEqual([
      'post "Squad digest 2026-W48 (23 Nov 2026 – 29 Nov 2026)" as a comment',
    ]);
    expect(delivery.requests).toEqual(["findPinnedIssue"]);
    expect(d.world.github.writeCount()).toBe(0);
    expect(posts()).toHaveLength(0);
  });

  it("uses `pinnedIssue` when set, and says so when there is no issue to comment on", async () => {
    const { d, input, other } = await pinned();
    await runDigest(input(MONDAY, { digests: { ...d.digests, pinnedIssue: other.number } }));
    expect(d.world.github.botComments(other)).toHaveLength(1);
    const bare = await setup({ delivery: "pinned-comment" });
    await expect(runDigest(bare.input())).rejects.toThrow(
      `has no pinned issue labelled "${LABEL}"`,
    );
  });
});

describe("planPost", () => {
  const period = { kind: "weekly", key: "weekly:2026-W48" } as Parameters<
    typeof planPost
  >[0]["period"];
  const post = (id: string, seq: number, key: string, byViewer = true) => ({
    id,
    seq,
    url: `u/${id}`,
    body: forged(key),
    byViewer,
    retired: false,
  });

  const channel = { kind: "discussion", repositoryId: "R_1", categoryId: "DIC_1" } as const;
  const to = { channel, title: "t", body: "b" };
  const texts = { templates };

  it("creates when only others' posts carry the key", () => {
    const plan = planPost({ existing: [post("a", 1, period.key, false)], period, ...to, ...texts });
    expect(plan).toEqual({ posted: null, actions: [{ type: "createPost", ...to }] });
  });

  it("retires only its own copy after losing a race", () => {
    const existing = [post("a", 1, period.key), post("b", 2, period.key), post("c", 3, period.key)];
    const plan = planPost({ existing, period, ...to, ...texts, created: "c" });
    expect(plan.posted?.id).toBe("a");
    expect(
      plan.actions.map((a) => (a.type === "retirePost" ? [a.post.id, a.reason] : a.type)),
    ).toEqual([["c", "DUPLICATE"]]);
  });
});
