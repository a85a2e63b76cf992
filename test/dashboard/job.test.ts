/** The dashboard's scheduled refresh: scheduled only with a store, and it keeps the snapshot there. */
import { describe, expect, it } from "vitest";
import { dashboardConfigSchema } from "../../src/features/dashboard/config.js";
import { dashboardJobs } from "../../src/features/dashboard/job.js";
import type { Scope } from "../../src/features/feature.js";
import { openStore } from "../../src/store/index.js";
import { parseSnapshot } from "../../src/web/snapshot.js";
import { digestWorld, MONDAY } from "../digest/fixtures.js";
import { templates } from "../support/templates.js";

describe("dashboard refresh job", () => {
  it("is scheduled only when the section is on and the app has a store", async () => {
    const d = await digestWorld();
    const dashboard = dashboardConfigSchema.parse({ cron: "*/15 * * * *" });
    const store = await openStore({ dataDir: ":memory:" });
    expect(dashboardJobs(d.config, { store })).toEqual([]);
    expect(dashboardJobs({ ...d.config, dashboard }, {})).toEqual([]);
    expect(
      dashboardJobs({ ...d.config, dashboard: { ...dashboard, enabled: false } }, { store }),
    ).toEqual([]);
    expect(dashboardJobs({ ...d.config, dashboard }, { store }).map((j) => j.cron)).toEqual([
      "*/15 * * * *",
    ]);
    await store.close();
  });

  it("takes the snapshot of public repositories only and keeps it in the store", async () => {
    const d = await digestWorld();
    d.seed({
      title: "Offline sync",
      history: [["building", "2026-11-01T10:00:00Z", "squad-bot[bot]"]],
    });
    const store = await openStore({ dataDir: ":memory:" });
    const dashboard = dashboardConfigSchema.parse({
      repos: [`${d.world.repo.owner}/${d.world.repo.repo}`, "acme/secret"],
    });
    const config = { ...d.config, dashboard };
    const read: string[] = [];
    const scope = {
      config: async () => config,
      services: {
        store,
        features: async () => ({
          stats: () => d.source.stats(),
          issues: (
            repo: { owner: string; repo: string },
            query: Parameters<typeof d.source.issues>[1],
          ) => {
            read.push(`${repo.owner}/${repo.repo}`);
            return d.source.issues(repo, query);
          },
        }),
        visibility: { isPublic: async (repo: { repo: string }) => repo.repo !== "secret" },
      },
      templates,
      log: { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} },
    } as unknown as Scope;
    const [job] = dashboardJobs(config, { store });
    await job?.run(scope, d.world.repo, new Date(MONDAY));
    expect(read).toEqual([`${d.world.repo.owner}/${d.world.repo.repo}`]);
    const kept = await store.loadSnapshot(`${d.world.repo.owner}/${d.world.repo.repo}`);
    const snapshot = parseSnapshot(kept?.data);
    expect(snapshot?.features.map((f) => f.title)).toEqual(["Offline sync"]);
    expect(snapshot?.repos).toEqual([`${d.world.repo.owner}/${d.world.repo.repo}`]);
    // With the store, the community journey is there too (empty here).
    expect(snapshot?.community?.stages.every((s) => s.count === 0)).toBe(true);
    await store.close();
  });
});
