/** The dashboard snapshot taken through the digest's pager from the in-memory GitHub. */
import { describe, expect, it } from "vitest";
import { dashboardConfigSchema } from "../../src/features/dashboard/config.js";
import { takeSnapshot } from "../../src/features/dashboard/refresh.js";
import { shownRepos } from "../../src/features/dashboard/visibility.js";
import { parseSnapshot } from "../../src/web/snapshot.js";
import { digestWorld, MONDAY } from "../digest/fixtures.js";
import { templates } from "../support/templates.js";

const settings = dashboardConfigSchema.parse({});

async function seeded() {
  const d = await digestWorld();
  d.seed({
    title: "Offline sync <script>alert(1)</script>",
    history: [
      ["inception", "2026-09-01T10:00:00Z", "squad-bot[bot]"],
      ["building", "2026-10-01T10:00:00Z", "mia-maintainer"],
    ],
    lead: "lena-lead",
    members: ["ann"],
    interested: ["bob", "cy"],
    thumbsUp: 3,
    activeAt: "2026-10-02T10:00:00Z",
  });
  d.seed({
    title: "Shipped thing",
    history: [
      ["inception", "2026-08-01T10:00:00Z", "squad-bot[bot]"],
      ["release", "2026-11-03T10:00:00Z", "mia-maintainer"],
    ],
    lead: "quiet-quinn",
  });
  d.seed({
    title: "Blocked one",
    history: [["convergence", "2026-11-20T10:00:00Z", "squad-bot[bot]"]],
    blocked: "waiting on design",
  });
  return d;
}

describe("dashboard snapshot", () => {
  it("holds each feature's phase, squad, demand, time in phase and flags", async () => {
    const d = await seeded();
    const snapshot = await takeSnapshot({
      config: { ...d.config, neverMention: ["quiet-quinn"] },
      settings,
      source: d.source,
      repos: [d.world.repo],
      now: new Date(MONDAY),
      templates,
    });
    expect(parseSnapshot(JSON.parse(JSON.stringify(snapshot)))).not.toBeNull();
    const byTitle = new Map(snapshot.features.map((f) => [f.title, f]));
    const sync = byTitle.get("Offline sync <script>alert(1)</script>");
    expect(sync).toMatchObject({
      phase: "building",
      lead: "lena-lead",
      squadSize: 2,
      demand: 5,
      since: "2026-10-01T10:00:00Z",
      daysInPhase: 59,
      stalled: true,
      seekingMembers: true,
      blocked: null,
    });
    expect(byTitle.get("Blocked one")?.blocked).toBe("waiting on design");
    // Opted out: the lead is not named, though the squad still counts them.
    expect(byTitle.get("Shipped thing")).toMatchObject({ lead: null, squadSize: 1 });
    expect(snapshot.releasedPerMonth).toEqual([{ month: "2026-11", count: 1 }]);
    expect(snapshot.recentMoves.map((m) => m.to)).toEqual(["release", "building"]);
    expect(snapshot.community).toBeNull();
  });

  it("costs one request per page of 100 issues per repository", async () => {
    const d = await seeded();
    const snapshot = await takeSnapshot({
      config: d.config,
      settings,
      source: d.source,
      repos: [d.world.repo],
      now: new Date(MONDAY),
      templates,
    });
    expect(snapshot.reads.requests).toBe(2);
  });
});

describe("repositories shown", () => {
  const pub = { owner: "acme", repo: "open" };
  const priv = { owner: "acme", repo: "secret" };
  const visibility = { isPublic: async (r: { repo: string }) => r.repo === "open" };

  it("leaves out private repositories unless the config includes them", async () => {
    expect(await shownRepos([pub, priv], false, visibility)).toEqual({
      shown: [pub],
      hidden: [priv],
    });
    expect((await shownRepos([pub, priv], true, visibility)).shown).toEqual([pub, priv]);
  });

  it("assumes nothing is public when it cannot ask", async () => {
    expect((await shownRepos([pub], false, undefined)).shown).toEqual([]);
  });
});
