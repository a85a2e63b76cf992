/** The server's scheduled jobs: what each repository's config schedules, and runs that survive failures. */
import type { Probot } from "probot";
import { describe, expect, it } from "vitest";
import { type JobHost, ServerJobs, startServerJobs } from "../../src/app/jobs.js";
import { Runtime } from "../../src/app/runtime.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import { RateBudget } from "../../src/github/rate-budget.js";
import { Metrics } from "../../src/observability/metrics.js";
import type { ContributorStore } from "../../src/store/types.js";
import { FakeClock } from "../digest/fake-clock.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import { CONFIG_PATH, createWorld } from "../double/index.js";
import { MemoryRecentIssues } from "../double/recent-issues.js";
import { cards } from "../support/cards.js";
import { templates } from "../support/templates.js";

const DIGESTS = `preset: squad-journey
digests:
  weekly: { cron: "0 9 * * 1", timezone: UTC }
sweep: { cron: "0 * * * *", maxRepairs: 10 }
`;
// Unlabelled: recognised by its template heading alone, so only the sweep's recent listing finds it.
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};

function logger() {
  const errors: string[] = [];
  const infos: { data: Record<string, unknown>; text: string }[] = [];
  const log = {
    info: (data: Record<string, unknown>, text: string) => infos.push({ data, text }),
    warn: () => {},
    debug: () => {},
    error: (_data: object, text: string) => errors.push(text),
  };
  return { log: log as never, errors, infos };
}

/** Four repositories: digests and an hourly sweep, defaults only, sweep off, and no config. */
function setup(options: { store?: boolean; dryRun?: boolean; budget?: RateBudget } = {}) {
  const clock = new FakeClock("2026-11-29T12:30:00Z");
  const world = createWorld({
    repos: ["cht-core", "cht-conf", "cht-docs", "scratch"],
    now: () => clock.now(),
  });
  const [core, conf, docs] = world.repos;
  if (!core || !conf || !docs) throw new Error("repos missing");
  world.github.setFile(core, CONFIG_PATH, DIGESTS);
  world.github.setFile(conf, CONFIG_PATH, "preset: squad-journey\n");
  world.github.setFile(docs, CONFIG_PATH, "preset: squad-journey\nsweep: null\n");
  const metrics = new Metrics();
  // Only `listContributors` is read (for /quiet); enough for the monthly job to be scheduled.
  const store = { listContributors: async () => [] } as unknown as ContributorStore;
  const runtime = new Runtime({} as Probot, {
    githubFor: () => world.github,
    appLogin: async () => world.github.appLogin,
    onboardingSeed: acceptedOnboarding,
    templates,
    now: () => clock.now(),
    dryRun: options.dryRun ?? false,
    metrics,
    ...(options.store ? { store } : {}),
  });
  const calls = { installations: 0, connect: 0 };
  let failConnects = 0;
  const host: JobHost = {
    installations: async () => {
      calls.installations += 1;
      return [7];
    },
    repositories: async () => world.repos,
    connect: async () => {
      calls.connect += 1;
      if (failConnects > 0) {
        failConnects -= 1;
        throw new Error("GitHub is down");
      }
      return {
        port: world.github,
        source: new MemoryDigestSource(world.github),
        recent: new MemoryRecentIssues(world.github),
      };
    },
  };
  const { log, errors, infos } = logger();
  const jobs = new ServerJobs(runtime, {
    host,
    log,
    clock,
    refreshMs: 3_600_000,
    ...(options.budget ? { budget: options.budget } : {}),
  });
  const failNext = (n: number) => {
    failConnects = n;
  };
  return {
    ...{ clock, world, core, conf, jobs, errors, infos, metrics },
    ...{ calls, failNext, host, runtime, log },
  };
}

describe("server jobs", () => {
  it("schedules digests where a digests section is present, and a sweep unless it is turned off", async () => {
    const { jobs } = setup({ store: true });
    await jobs.start();
    expect(jobs.scheduler.names().sort()).toEqual([
      "digest:monthly:medic/cht-core",
      "digest:weekly:medic/cht-core",
      "sweep:medic/cht-conf",
      "sweep:medic/cht-core",
    ]);
    expect(jobs.scheduler.nextRun("sweep:medic/cht-conf")?.toISOString()).toBe(
      "2026-11-29T18:00:00.000Z",
    );
    await jobs.stop();
  });

  it("leaves the monthly digest out without a contributor store", async () => {
    const { jobs } = setup();
    await jobs.start();
    expect(jobs.scheduler.names()).not.toContain("digest:monthly:medic/cht-core");
    expect(jobs.scheduler.names()).toContain("digest:weekly:medic/cht-core");
    await jobs.stop();
  });

  it("posts the weekly digest and repairs a dropped webhook on their ticks", async () => {
    const { jobs, clock, world, core, metrics } = setup();
    const dropped = world.github.as(world.people.user).openIssue(core, FEATURE);
    await jobs.start();
    await clock.advanceTo("2026-11-30T09:30:00Z");
    const digests = world.github.issues(core).filter((i) => i.labels.includes("squad-bot: digest"));
    expect(digests.map((d) => d.title)).toEqual([expect.stringContaining("2026-W48")]);
    expect(cards(world.github, dropped.ref)).toHaveLength(1);
    const text = (await metrics.render()).body;
    expect(text).toContain('squad_bot_job_duration_seconds_count{job="sweep"}');
    expect(text).toContain('squad_bot_job_duration_seconds_count{job="digest:weekly"} 1');
    await jobs.stop();
  });

  it("a sweep yields to webhooks while the installation is near its rate limit", async () => {
    const budget = new RateBudget();
    budget.seen("7", { "x-ratelimit-remaining": "300", "x-ratelimit-limit": "5000" });
    const { jobs, clock, world, core, metrics, infos } = setup({ budget });
    const dropped = world.github.as(world.people.user).openIssue(core, FEATURE);
    await jobs.start();
    await clock.advanceTo("2026-11-29T18:30:00Z");
    expect(cards(world.github, dropped.ref)).toEqual([]);
    expect(infos.some((line) => line.text.includes("yields to webhooks"))).toBe(true);
    expect((await metrics.render()).body).toMatch(
      /squad_bot_jobs_yielded_total\{job="sweep"\} [1-9]/,
    );

    // The budget recovered (the hour reset): the next tick repairs.
    budget.seen("7", { "x-ratelimit-remaining": "4900", "x-ratelimit-limit": "5000" });
    await clock.advanceTo("2026-11-30T00:30:00Z");
    expect(cards(world.github, dropped.ref)).toHaveLength(1);
    await jobs.stop();
  });

  it("plans and logs the weekly digest in a dry run, and writes nothing", async () => {
    const { jobs, clock, world, core, infos } = setup({ dryRun: true });
    await jobs.start();
    world.github.resetRequests();
    await clock.advanceTo("2026-11-30T09:30:00Z");
    expect(world.github.issues(core)).toEqual([]);
    expect(world.github.writeCount()).toBe(0);
    expect(world.github.requestCount("listIssuesWithLabel")).toBe(1);
    const planned = infos.find((i) => i.text === "dry run: planned" && i.data.feature === "digest");
    expect(planned?.data).toMatchObject({
      repo: core,
      period: "weekly:2026-W48",
      writes: [expect.stringMatching(/^open issue "Squad digest 2026-W48 .*" in medic\/cht-core$/)],
    });
    const run = infos.find((i) => i.text === "digest run");
    expect(run?.data).toMatchObject({ outcome: "dry-run" });
    await jobs.stop();
  });

  it("logs and counts a failing run, and the next tick runs", async () => {
    const { jobs, clock, world, core, errors, metrics, failNext } = setup();
    const dropped = world.github.as(world.people.user).openIssue(core, FEATURE);
    await jobs.start();
    failNext(1); // the hourly sweep at 13:00 fails
    await clock.advanceTo("2026-11-29T13:30:00Z");
    expect(errors).toContain("scheduled job failed");
    expect(cards(world.github, dropped.ref)).toHaveLength(0);
    expect((await metrics.render()).body).toContain('squad_bot_errors_total{where="sweep"} 1');
    await clock.advanceTo("2026-11-29T14:30:00Z");
    expect(cards(world.github, dropped.ref)).toHaveLength(1);
    await jobs.stop();
  });

  it("follows config changes and new repositories at the next refresh", async () => {
    const { jobs, clock, world, core } = setup();
    await jobs.start();
    world.github.setFile(core, CONFIG_PATH, "preset: squad-journey\nsweep: { enabled: false }\n");
    const extra = world.github.addRepo({ owner: "medic", repo: "cht-android" });
    world.github.setFile(extra, CONFIG_PATH, "preset: squad-journey\n");
    world.repos.push(extra);
    await clock.advanceTo("2026-11-29T14:00:00Z");
    expect(jobs.scheduler.names().sort()).toEqual([
      "sweep:medic/cht-android",
      "sweep:medic/cht-conf",
    ]);
    await jobs.stop();
  });

  it("keeps a repository's jobs when its installation cannot be read", async () => {
    const { jobs, host } = setup();
    await jobs.start();
    const before = jobs.scheduler.names().sort();
    host.repositories = async () => {
      throw new Error("502");
    };
    await jobs.refresh();
    expect(jobs.scheduler.names().sort()).toEqual(before);
    await jobs.stop();
  });

  it("schedules nothing with SQUAD_BOT_SCHEDULER=off", async () => {
    const { runtime, host, log, calls } = setup();
    const events: string[] = [];
    const app = { on: (names: string[]) => events.push(...names) } as never;
    expect(startServerJobs(runtime, app, { host, log, env: { SQUAD_BOT_SCHEDULER: "off" } })).toBe(
      null,
    );
    expect(calls.installations).toBe(0);
    expect(events).toEqual([]);
    const jobs = startServerJobs(runtime, app, { host, log, env: {} });
    expect(events).toEqual(["installation", "installation_repositories"]);
    await jobs?.refresh();
    expect(calls.installations).toBeGreaterThan(0);
    await jobs?.stop();
  });
});
