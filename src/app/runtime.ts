/**
 * What lives for the whole process and is shared by every delivery: the config cache, the
 * per-issue lock, the app's own login, and how a delivery gets its port to GitHub.
 */
import type { Context, Probot } from "probot";
import { ConfigCache } from "../config/cache.js";
import { type ConfigLoadResult, loadConfig } from "../config/load.js";
import { KeyedLock } from "../core/keyed-lock.js";
import type { CommunityPort } from "../features/community/port.js";
import { reportConfigHealth } from "../features/config-check/index.js";
import type { DigestSource } from "../features/digest/source.js";
import { BoardCache } from "../features/roadmap/cache.js";
import type { SimilarSearchPort } from "../features/similar/port.js";
import type { GitHubPort } from "../github/port.js";
import type { RepoRef } from "../github/types.js";
import type { HealthCheck } from "../observability/http.js";
import type { Metrics } from "../observability/metrics.js";
import type { ContributorStore } from "../store/types.js";

export interface AppDeps {
  /** The port one delivery uses; production wraps `context.octokit`. */
  githubFor(context: Context): GitHubPort;
  /** The app's bot login, e.g. `squad-bot[bot]`: its own events plan nothing. */
  appLogin(app: Probot): Promise<string>;
  /**
   * The contributor store. Without it the community journey (welcomes, milestones, stages,
   * /quiet, early access) is off: it needs to remember who did what before.
   */
  store?: ContributorStore;
  /** The community journey's extra GitHub reads; production wraps `context.octokit`. */
  communityFor?(context: Context): CommunityPort;
  /**
   * Features with their cards, read for a welcome's "squads seeking members" (one request, only
   * when a welcome is written); production reads GraphQL through `context.octokit`, cards by
   * `appLogin`. Without it, welcomes list no squads.
   */
  featuresFor?(context: Context, appLogin: string): DigestSource;
  /** GitHub search for intake's "possibly related"; without it, intake lists none. */
  searchFor?(context: Context): SimilarSearchPort;
  now(): Date;
  /** Plan and log, write nothing, for every repository (config can also ask for it per repo). */
  dryRun: boolean;
  configTtlMs?: number;
  /** Prometheus metrics; with them, `/metrics` and `/healthz` are served. */
  metrics?: Metrics;
  /** Checks behind `/healthz` besides "the process is up" (e.g. the database). */
  healthChecks?: HealthCheck[];
}

export class Runtime {
  readonly lock = new KeyedLock();
  readonly configs: ConfigCache<ConfigLoadResult>;
  /** Roadmap board ids per installation and board: the only thing kept across deliveries. */
  readonly boards: BoardCache;
  private login: Promise<string> | undefined;

  constructor(
    readonly app: Probot,
    readonly deps: AppDeps,
  ) {
    this.configs = new ConfigCache<ConfigLoadResult>({
      ttlMs: deps.configTtlMs ?? 5 * 60_000,
      now: () => deps.now().getTime(),
    });
    this.boards = new BoardCache({ now: () => deps.now().getTime() });
  }

  appLogin(): Promise<string> {
    this.login ??= this.deps.appLogin(this.app).catch((error: unknown) => {
      this.login = undefined;
      throw error;
    });
    return this.login;
  }

  /**
   * The repository's config, cached; a fresh load that is invalid is reported once (one issue
   * in the repository), and the caller does nothing for the repository while it stays invalid.
   */
  async config(port: GitHubPort, repo: RepoRef, log: Context["log"]): Promise<ConfigLoadResult> {
    return this.withQuiet(repo.owner, await this.cachedConfig(port, repo, log));
  }

  /**
   * People who said `/quiet` join `neverMention`, so every feature that mentions people (squad
   * notifications, digests) leaves them out without knowing about the store. Read per delivery,
   * never cached: a /quiet takes effect at once.
   */
  private async withQuiet(org: string, result: ConfigLoadResult): Promise<ConfigLoadResult> {
    const { store } = this.deps;
    if (!store || result.ok !== true) return result;
    const quiet = (await store.listContributors({ org })).filter((c) => c.quiet);
    if (quiet.length === 0) return result;
    const neverMention = [...result.config.neverMention, ...quiet.map((c) => c.login)];
    return { ...result, config: { ...result.config, neverMention } };
  }

  private async cachedConfig(
    port: GitHubPort,
    repo: RepoRef,
    log: Context["log"],
  ): Promise<ConfigLoadResult> {
    const cached = this.configs.get(repo.owner, repo.repo);
    if (cached) return cached;
    const result = await loadConfig(port, repo);
    this.configs.set(repo.owner, repo.repo, result);
    if (result.ok === false) {
      log.warn(
        { repo, problems: result.problems },
        "squad-bot config is invalid; the bot makes no changes here",
      );
      // A valid config closes the report from the push that fixed it (config-events.ts).
      try {
        await reportConfigHealth(port, repo, result, await this.appLogin());
      } catch (error) {
        log.error({ err: error, repo }, "could not report the config's health");
      }
    }
    return result;
  }
}

/** The installation a delivery came from; 0 when the payload has none (a test or a script). */
export function installationOf(payload: unknown): number {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === "number" ? id : 0;
}

export function issueKey(repo: RepoRef, number: number): string {
  return `${repo.owner}/${repo.repo}#${number}`.toLowerCase();
}
