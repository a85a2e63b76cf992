/** The real app in a real Probot, wired to the in-memory GitHub: deliveries in, GitHub's state out. */
import { type Logger, pino } from "pino";
import { Probot, ProbotOctokit } from "probot";
import { createApp } from "../../src/app/create-app.js";
import type { Templates } from "../../src/core/templates.js";
import type { ForumBridge } from "../../src/features/feature.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import type { Metrics } from "../../src/observability/metrics.js";
import type { ContributorStore } from "../../src/store/types.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import {
  createWorld,
  MemorySimilarSearch,
  manualClock,
  type World,
  type WorldOptions,
} from "../double/index.js";
import { MemoryRecentIssues } from "../double/recent-issues.js";
import { templates } from "./templates.js";

export interface Delivery {
  id: string;
  name: string;
  payload: unknown;
}

export interface TestApp extends World {
  clock: ReturnType<typeof manualClock>;
  /** GitHub search for intake, over the same in-memory GitHub. */
  search: MemorySimilarSearch;
  /** Features with their cards (welcomes' "squads seeking members"); counts its requests. */
  features: MemoryDigestSource;
  deliver(event: Delivery): Promise<void>;
  /** Feeds back the webhooks GitHub sends for the app's own writes; returns how many. */
  deliverEchoes(): Promise<number>;
}

export interface BootOptions {
  dryRun?: boolean;
  metrics?: Metrics;
  /** The contributor store; with it the community journey is on (its reads go to the double). */
  store?: ContributorStore;
  /** Where the app logs; silent by default. */
  log?: Logger;
  /**
   * "accepted" (the default) starts where a maintainer's tick leaves off, with no onboarding
   * issue and no request for it; "github" reads onboarding from the in-memory GitHub, as
   * production does.
   */
  onboarding?: "accepted" | "github";
  /** The texts it writes; the shipped templates by default. */
  templates?: Templates;
  /** The forum bridge (e.g. over `MemoryForum`); off by default. */
  forum?: ForumBridge;
}

/**
 * One process of the app: a new Probot and app (empty caches, locks, login) over `world`'s
 * GitHub. Booting twice over the same world is a restart.
 */
export async function bootApp(
  world: World,
  clock: ReturnType<typeof manualClock>,
  search: MemorySimilarSearch,
  options: BootOptions = {},
  features = new MemoryDigestSource(world.github),
): Promise<(event: Delivery) => Promise<void>> {
  const probot = new Probot({
    githubToken: "test-token",
    log: options.log ?? pino({ level: "silent" }),
    Octokit: ProbotOctokit.defaults((o: object) => ({
      ...o,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  await probot.load(
    createApp({
      githubFor: () => world.github,
      searchFor: () => search,
      referencesFor: () => world.github.references(),
      recentFor: () => new MemoryRecentIssues(world.github),
      ...(options.onboarding === "github" ? {} : { onboardingSeed: acceptedOnboarding }),
      appLogin: async () => world.github.appLogin,
      templates: options.templates ?? templates,
      now: clock.now,
      dryRun: options.dryRun ?? false,
      ...(options.metrics ? { metrics: options.metrics } : {}),
      ...(options.forum ? { forumFor: () => options.forum as ForumBridge } : {}),
      ...(options.store
        ? {
            store: options.store,
            communityFor: () => world.github.community(),
            featuresFor: () => features,
          }
        : {}),
    }),
  );
  return (event: Delivery) => probot.receive(event as Parameters<Probot["receive"]>[0]);
}

export async function startApp(options: WorldOptions & BootOptions = {}): Promise<TestApp> {
  const clock = manualClock();
  const world = createWorld({ now: clock.now, ...options });
  const search = new MemorySimilarSearch(world.github);
  const features = new MemoryDigestSource(world.github);
  const deliver = await bootApp(world, clock, search, options, features);
  return {
    ...world,
    clock,
    search,
    features,
    deliver,
    async deliverEchoes() {
      const echoes = world.github.drainAppEvents();
      for (const echo of echoes) await deliver(echo);
      return echoes.length;
    },
  };
}
