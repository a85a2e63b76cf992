/**
 * The production app: the features over Probot's own Octokit, with metrics, health checks and the
 * contributor store (PGlite in SQUAD_BOT_DATA_DIR, or PostgreSQL at DATABASE_URL), and the
 * scheduled digests and repair sweeps.
 */

import pg from "pg";
import type { Context, Probot, ProbotOctokit } from "probot";
import { collectDefaultMetrics } from "prom-client";
import { createApp, type RunDelivery } from "./app/create-app.js";
import { type ForumRunner, forumRunner } from "./app/forum-runner.js";
import { startServerJobs } from "./app/jobs.js";
import type { Runtime } from "./app/runtime.js";
import { forumBridgeFromEnv } from "./bridge/forum-bridge.js";
import { inboxDeliveryOf, isForumDelivery } from "./bridge/forum-work.js";
import { bridgeRoutes } from "./bridge/routes.js";
import { bridgeStartupLines } from "./bridge/startup.js";
import type { AcrossInstances } from "./core/keyed-lock.js";
import { loadTemplates } from "./core/load-templates.js";
import type { Templates } from "./core/templates.js";
import type { ForumBridge } from "./features/feature.js";
import { useVectorCache } from "./features/similar/related.js";
import { OctokitCommunity } from "./github/octokit/community.js";
import { OctokitDigestSource } from "./github/octokit/digest-source.js";
import { OctokitGitHub } from "./github/octokit/index.js";
import { OctokitJobHost } from "./github/octokit/job-host.js";
import { OctokitReferences } from "./github/octokit/references.js";
import { OctokitSimilarSearch } from "./github/octokit/search-issues.js";
import { RateBudget } from "./github/rate-budget.js";
import { Inbox } from "./inbox/inbox.js";
import { inboxSettingsFromEnv, openInboxDatabase } from "./inbox/settings.js";
import { Metrics } from "./observability/metrics.js";
import {
  InProcessLock,
  issueAdvisoryLock,
  type JobLock,
  PgAdvisoryLock,
  type SqlSession,
} from "./scheduler/index.js";
import { describeStore, openStore, storeOptionsFromEnv, vectorCacheOf } from "./store/index.js";
import { accessFromEnv } from "./web/access.js";
import { dashboardRoute } from "./web/routes.js";

async function botLogin(app: Probot): Promise<string> {
  if (process.env.SQUAD_BOT_LOGIN) return process.env.SQUAD_BOT_LOGIN;
  const octokit = await app.auth();
  const { data } = await octokit.rest.apps.getAuthenticated();
  return `${data?.slug ?? "squad-bot"}[bot]`;
}

const metrics = new Metrics();
collectDefaultMetrics({ register: metrics.registry, prefix: "squad_bot_process_" });

/** Counts every request by kind and remembers the rate limit GitHub reports for the installation. */
/** One view of each installation's rate limit, for webhooks and jobs alike, and its gauge. */
const budget = new RateBudget((installation, resource, remaining) =>
  metrics.rateLimitRemaining.set({ installation, resource }, remaining),
);

/** Every response's rate-limit headers go to `budget` for the installation. */
function watchBudget(octokit: Pick<ProbotOctokit, "hook">, installation: string): void {
  octokit.hook.after("request", (response) => {
    budget.seen(installation, response.headers as Record<string, string | undefined>);
  });
}

function instrument(context: Context) {
  const installation = String(
    (context.payload as { installation?: { id?: number } }).installation?.id ?? "none",
  );
  watchBudget(context.octokit, installation);
  return { onRequest: (kind: string) => metrics.githubRequests.inc({ kind }) };
}

/** Read and checked before anything opens: a broken template stops the start, naming its file. */
function readTemplates(): Templates {
  try {
    return loadTemplates();
  } catch (error) {
    process.stderr.write(`squad-bot: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  }
}
const templates = readTemplates();

// Opened (and migrated) before the first delivery; a store that cannot open stops the start.
// With the inbox on PGlite, the store reaches PGlite through the socket the queue needs too.
const storeOptions = storeOptionsFromEnv(process.env);
const inboxSettings = inboxSettingsFromEnv(process.env);
const database = inboxSettings.enabled ? await openInboxDatabase(storeOptions) : null;
const store = await openStore(
  database ? { ...storeOptions, databaseUrl: database.url } : storeOptions,
);
console.info(`squad-bot: contributor store on ${describeStore(storeOptions)}`);
const vectorCache = vectorCacheOf(store);
if (vectorCache) useVectorCache(vectorCache);
for (const { level, text } of bridgeStartupLines(process.env)) console[level](`squad-bot: ${text}`);
const inbox = database
  ? await Inbox.open({
      connectionString: database.url,
      ...(storeOptions.schema ? { schema: storeOptions.schema } : {}),
      embedded: database.embedded,
      concurrency: inboxSettings.concurrency,
      maxAttempts: inboxSettings.maxAttempts,
      keepDays: inboxSettings.keepDays,
      ...(inboxSettings.pollMs ? { pollMs: inboxSettings.pollMs } : {}),
      metrics,
    })
  : null;
console.info(
  database
    ? `squad-bot: durable inbox on ${database.where}: webhooks are recorded, then run from it`
    : "squad-bot: inbox off (SQUAD_BOT_INBOX=off): webhooks are handled inside the request",
);

/**
 * Several instances share PostgreSQL, and its advisory locks let one of them do each scheduled run;
 * on PGlite there is one instance. Either way the digest's period marker stays the final guard.
 */
function jobLock(): { lock: JobLock; close(): Promise<void> } {
  if (!storeOptions.databaseUrl) return { lock: new InProcessLock(), close: async () => {} };
  const { session, close } = lockSessions(storeOptions.databaseUrl, 2, "job lock");
  return { lock: new PgAdvisoryLock(session), close };
}

/** Sessions for advisory locks, which belong to a session: a small pool of their own. */
function lockSessions(url: string, max: number, what: string) {
  const pool = new pg.Pool({ connectionString: url, max });
  // An idle connection the server drops emits "error"; unhandled, it would end the process.
  pool.on("error", (error) => console.error(`squad-bot: ${what} connection failed`, error));
  const session = async (): Promise<SqlSession> => {
    const client = await pool.connect();
    return {
      query: (text, params) => client.query(text, params),
      release: (error) => client.release(error),
    };
  };
  return { session, close: () => pool.end() };
}

/**
 * One issue's work runs on one instance at a time: deliveries from the inbox (whose per-issue
 * queue already orders them) and the repair sweep's reconciles alike take the issue's advisory
 * lock. A session per issue being worked on, so the pool matches the inbox's concurrency plus
 * the sweep's one issue at a time.
 */
function issueLock(): { acrossInstances?: AcrossInstances } {
  if (!storeOptions.databaseUrl) return {};
  const max = inboxSettings.concurrency + 2;
  const { session, close } = lockSessions(storeOptions.databaseUrl, max, "issue lock");
  closers.pools.push(close);
  return { acrossInstances: issueAdvisoryLock(session) };
}

type Closer = () => Promise<void>;
/** What a stop closes, stage by stage: the server, then the work, then the pools. */
const closers = { server: [] as Closer[], work: [] as Closer[], pools: [] as Closer[] };

/** Runs forum deliveries (intake); set at start, once the runtime exists. */
let runForum: ForumRunner | null = null;

/** Digests and repair sweeps on the server's own timers, unless SQUAD_BOT_SCHEDULER=off; the inbox's work. */
function start(runtime: Runtime, app: Probot, runGitHub: RunDelivery) {
  runForum = forumRunner(runtime, app, process.env, (kind) => metrics.githubRequests.inc({ kind }));
  // Forum deliveries share the inbox: recorded, retried and parked like GitHub's.
  const run: RunDelivery = (delivery) =>
    isForumDelivery(delivery) ? (runForum?.(delivery) ?? Promise.resolve()) : runGitHub(delivery);
  if (inbox) {
    // Stopped first: it waits for running work within the grace period, then hands it back.
    closers.work.push(async () => void (await inbox.stop(inboxSettings.graceMs)));
    inbox.start(run).catch((error: unknown) => {
      app.log.error({ err: error }, "the inbox did not start: deliveries wait in it");
    });
  }
  startJobs(runtime, app);
}

function startJobs(runtime: Runtime, app: Probot) {
  const { lock, close } = jobLock();
  const host = new OctokitJobHost(
    async (id) => {
      const octokit = await app.auth(id);
      if (id !== undefined) watchBudget(octokit, String(id));
      return octokit;
    },
    (kind) => metrics.githubRequests.inc({ kind }),
  );
  const jobs = startServerJobs(runtime, app, {
    host,
    log: app.log,
    lock,
    env: process.env,
    budget,
  });
  closers.pools.push(close);
  if (jobs) closers.work.push(() => jobs.stop());
}

/** Called with the HTTP server once it listens: a stop closes it first, taking no new work. */
export function serving(server: { stop(): Promise<void> }): void {
  const grace = inboxSettings.graceMs;
  closers.server.push(() =>
    Promise.race([server.stop(), new Promise<void>((r) => setTimeout(r, grace))]),
  );
}

// PGlite keeps a lock file in its data directory: close cleanly so the next start finds it free.
// The server stops taking webhooks, the inbox stops taking work (running work finishes within
// SQUAD_BOT_STOP_GRACE_SECONDS or goes back to the queue), jobs stop, then the databases close.
let closing = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, () => {
    if (closing) return;
    closing = true;
    (async () => {
      for (const close of [...closers.server, ...closers.work, ...closers.pools]) {
        await close().catch(() => {});
      }
      await inbox?.close();
      await store.close();
      await database?.close();
    })().finally(() => process.exit(0));
  });
}

export default createApp(
  {
    githubFor: (context) => new OctokitGitHub(context.octokit, instrument(context)),
    communityFor: (context) =>
      new OctokitCommunity(context.octokit, {
        onRequest: (kind) => metrics.githubRequests.inc({ kind }),
      }),
    featuresFor: (context, appLogin) =>
      new OctokitDigestSource(context.octokit, {
        cardAuthor: appLogin,
        onRequest: (kind) => metrics.githubRequests.inc({ kind }),
      }),
    store,
    referencesFor: (context) =>
      new OctokitReferences(context.octokit, (kind) => metrics.githubRequests.inc({ kind })),
    searchFor: (context) =>
      new OctokitSimilarSearch(context.octokit, {
        onRequest: (kind) => metrics.githubRequests.inc({ kind }),
      }),
    appLogin: botLogin,
    templates,
    now: () => new Date(),
    dryRun: process.env.SQUAD_BOT_DRY_RUN === "true",
    metrics,
    healthChecks: [async () => ({ name: "database", ok: await store.healthCheck() })],
    routes: (log) => [
      ...bridgeRoutes(process.env, log, async (delivery) => {
        if (!runForum) return;
        // Without the inbox, in the request, like GitHub's deliveries.
        if (inbox) await inbox.record(inboxDeliveryOf(delivery));
        else await runForum(inboxDeliveryOf(delivery));
      }),
      dashboardRoute(store, accessFromEnv(process.env)),
    ],
    ...forumDeps(),
    ...(inbox ? { inbox } : {}),
    ...issueLock(),
  },
  start,
);

function forumDeps(): { forumFor?: () => ForumBridge } {
  const forumFor = forumBridgeFromEnv(process.env);
  return forumFor ? { forumFor } : {};
}
