/** The monthly community digest from the real contributor store (PGlite in memory). */
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { createDigestCommand } from "../../src/cli/commands/digest.js";
import { communityConfigSchema } from "../../src/features/community/config.js";
import { renderCommunityDigest } from "../../src/features/digest/community.js";
import {
  firstContributionRef,
  StoreCommunityDigest,
} from "../../src/features/digest/community-collector.js";
import { digestsConfigSchema } from "../../src/features/digest/config.js";
import { parsePeriod } from "../../src/features/digest/period.js";
import { type ContributionEvent, type ContributorStore, openStore } from "../../src/store/index.js";
import { FakeCommunityPort } from "../community/fake-port.js";
import { templates } from "../support/templates.js";
import { digestWorld, MONDAY } from "./fixtures.js";

const REPO = { owner: "medic", repo: "cht-core" };
let store: ContributorStore;
let ids = 0;

function event(login: string, kind: ContributionEvent["kind"], at: string, url?: string) {
  ids += 1;
  return {
    org: "medic",
    repo: "cht-core",
    login,
    kind,
    githubId: `N_${ids}`,
    at: new Date(at),
    ...(url ? { url } : {}),
  };
}

/** October 2026: alice arrives and lands her first merge; bob, long active, his fifth. */
async function seed(): Promise<void> {
  const pr = "https://github.com/medic/cht-core/pull/41";
  await store.recordContributions([
    event("alice", "pr-opened", "2026-10-03T10:00:00Z", pr),
    event("alice", "pr-merged", "2026-10-09T10:00:00Z", pr),
    ...[1, 2, 3, 4].map((n) => event("bob", "pr-merged", `2025-0${n}-10T10:00:00Z`)),
    event("bob", "pr-merged", "2026-10-20T10:00:00Z"),
    // After the month: neither a newcomer nor a milestone of October.
    event("carol", "issue-opened", "2026-11-02T10:00:00Z"),
    event("bob", "pr-merged", "2026-11-05T10:00:00Z"),
    event("renovate[bot]", "pr-merged", "2026-10-04T10:00:00Z"),
  ]);
}

beforeEach(async () => {
  store = await openStore({ dataDir: ":memory:" });
  await seed();
});
afterEach(async () => {
  await store.close();
});

describe("monthly community collector", () => {
  it("names October's newcomers and milestones, without mentions", async () => {
    const period = parsePeriod("monthly", "2026-10", "UTC");
    if (!period) throw new Error("bad period");
    const community = communityConfigSchema.parse({});
    const collector = new StoreCommunityDigest({ store, community, templates });
    const data = await collector.load(period, [REPO]);
    expect(data.newContributors).toEqual([
      {
        login: "alice",
        firstContribution: expect.objectContaining({ number: 41, repo: REPO }),
      },
    ]);
    expect(data.milestones).toEqual([
      { login: "alice", milestone: "first merged pull request" },
      { login: "bob", milestone: "5th merged pull request" },
    ]);
    const settings = digestsConfigSchema.parse({
      monthly: { links: [{ title: "Forum", url: "https://forum.example.org/" }] },
    }).monthly;
    const { markdown } = renderCommunityDigest(data, settings, templates);
    expect(markdown).toContain("[alice](https://github.com/alice)");
    expect(markdown).toContain("5th merged pull request");
    expect(markdown).toContain("https://forum.example.org/");
    expect(markdown).not.toContain("carol");
    expect(markdown).not.toMatch(/(^|[^\w/[])@\w/m);
  });

  it("lists good first issues and thriving outsiders through the community port", async () => {
    const period = parsePeriod("monthly", "2026-10", "UTC");
    if (!period) throw new Error("bad period");
    await store.setStage("medic", "bob", "thriving");
    await store.setStage("medic", "alice", "thriving");
    const port = new FakeCommunityPort({
      members: ["alice"],
      goodFirstIssues: [
        {
          repo: REPO,
          number: 12,
          title: "Fix a typo",
          url: "https://github.com/medic/cht-core/issues/12",
        },
      ],
    });
    const community = communityConfigSchema.parse({});
    const collector = new StoreCommunityDigest({ store, community, port, limit: 5, templates });
    const data = await collector.load(period, [REPO]);
    expect(data.goodFirstIssues.map((f) => f.number)).toEqual([12]);
    expect(port.queries[0]).toMatchObject({ org: "medic", repos: [REPO], limit: 5 });
    expect(data.thriving.map((t) => t.login)).toEqual(["bob"]);
  });

  it("never lists members or collaborators as new contributors: the welcome's rule", async () => {
    const period = parsePeriod("monthly", "2026-10", "UTC");
    if (!period) throw new Error("bad period");
    await store.recordContributions([
      event("mia-maintainer", "issue-opened", "2026-10-05T10:00:00Z"),
    ]);
    await store.recordContributions([event("wes-writer", "issue-opened", "2026-10-06T10:00:00Z")]);
    const port = new FakeCommunityPort({
      members: ["mia-maintainer"],
      collaborators: ["wes-writer"],
    });
    const community = communityConfigSchema.parse({});
    const collector = new StoreCommunityDigest({ store, community, port, templates });
    const data = await collector.load(period, [REPO]);
    expect(data.newContributors.map((c) => c.login)).toEqual(["alice"]);
  });

  it("reads only links to issues and pull requests as first contributions, and says which", () => {
    expect(
      firstContributionRef("https://github.com/medic/cht-core/issues/7#issuecomment-1", templates),
    ).toEqual(expect.objectContaining({ number: 7, title: "a comment" }));
    expect(firstContributionRef("https://github.com/medic/cht-core/issues/7", templates)).toEqual(
      expect.objectContaining({ title: "an issue" }),
    );
    expect(firstContributionRef("https://github.com/medic/cht-core/pull/8", templates)).toEqual(
      expect.objectContaining({ title: "a pull request" }),
    );
    expect(firstContributionRef("https://example.org/x", templates)).toBeNull();
    expect(firstContributionRef(null, templates)).toBeNull();
  });

  it("is what `squad-bot digest --kind monthly` renders when the store is configured", async () => {
    const d = await digestWorld();
    const out: string[] = [];
    const io: CliIo = {
      stdout: (t) => out.push(t),
      stderr: () => {},
      env: { GITHUB_TOKEN: "t", SQUAD_BOT_DATA_DIR: ":memory:" },
    };
    const command = createDigestCommand({
      templates: () => templates,
      connect: () => ({
        port: d.world.github,
        source: d.source,
        whoami: async () => d.world.github.appLogin,
      }),
      now: () => new Date(MONDAY),
      openStore: async () => store,
    });
    const args = ["--repo", "medic/cht-core", "--kind", "monthly", "--period", "2026-10"];
    expect(await command.run([...args, "--dry-run"], io)).toBe(0);
    expect(out.join("")).toContain("alice");
    expect(out.join("")).toContain("5th merged pull request");
    store = await openStore({ dataDir: ":memory:" }); // the command closed the one it opened
  });
});
