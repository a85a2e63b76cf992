/**
 * What lives for the whole process and is shared by every delivery: the per-issue lock, the
 * onboarding gate, the app's own login, and the `Scope` a delivery or a job run hands to
 * features. Configs are not kept: each scope reads its repository's once (`read-ahead.ts`).
 */
import type { Context, Probot } from "probot";
import type { CommandKind } from "../commands/specs.js";
import { type ConfigLoadResult, loadConfig } from "../config/load.js";
import { CONFIG_PATH } from "../config/parse.js";
import type { ReferenceReader } from "../config/references.js";
import type { Config } from "../config/schema.js";
import { type AcrossInstances, KeyedLock } from "../core/keyed-lock.js";
import type { Log } from "../core/log.js";
import type { Templates } from "../core/templates.js";
import type { CommunityPort } from "../features/community/port.js";
import { reportConfigHealth } from "../features/config-check/index.js";
import type { DigestSource } from "../features/digest/source.js";
import type {
  EventSubject,
  FeatureDefinition,
  ForumBridge,
  Scope,
  Services,
} from "../features/feature.js";
import { FEATURES } from "../features/index.js";
import { onboardingReadOf } from "../features/onboarding/load.js";
import type { SimilarSearchPort } from "../features/similar/port.js";
import type { RecentIssuesPort } from "../features/sweep/recent.js";
import type { GitHubPort, ReadAheadRequest } from "../github/port.js";
import type { RepoRef } from "../github/types.js";
import type { Delivery } from "../inbox/inbox.js";
import type { HealthCheck } from "../observability/http.js";
import type { Metrics } from "../observability/metrics.js";
import type { ContributorStore } from "../store/types.js";
import type { Route } from "./http.js";
import { OnboardingGate, type OnboardingSeed } from "./onboarding-gate.js";
import { ConfigGuesses, ReadAheadStash } from "./read-ahead.js";

export interface AppDeps {
  /** The port one delivery uses; production wraps `context.octokit`. */
  githubFor(context: Context): GitHubPort;
  /** The app's bot login, e.g. `squad-bot[bot]`: its own events plan nothing. */
  appLogin(app: Probot): Promise<string>;
  /** Every text the bot writes (`loadTemplates()` at the start of the process). */
  templates: Templates;
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
  /** Reads what config references name, for the config check; without it they are not checked. */
  referencesFor?(context: Context): ReferenceReader;
  /** GitHub search for intake's "possibly related"; without it, intake lists none. */
  searchFor?(context: Context): SimilarSearchPort;
  /** Open issues updated lately: the onboarding preview and a requested adoption read them. */
  recentFor?(context: Context): RecentIssuesPort;
  /** The forum bridge for one event; absent while DISCOURSE_* are not set. */
  forumFor?(): ForumBridge;
  /**
   * Where onboarding stands when it is not read from GitHub: tests, the demo and benchmarks of an
   * accepted install seed it (`acceptedOnboarding`). Production leaves it out.
   */
  onboardingSeed?: OnboardingSeed;
  now(): Date;
  /** Plan and log, write nothing, for every repository (config can also ask for it per repo). */
  dryRun: boolean;
  configTtlMs?: number;
  /** Prometheus metrics; with them, `/metrics` and `/healthz` are served. */
  metrics?: Metrics;
  /** Checks behind `/healthz` besides "the process is up" (e.g. the database). */
  healthChecks?: HealthCheck[];
  /**
   * The durable inbox: with it a verified webhook is recorded and acknowledged, and its work
   * runs from the inbox (`onStart`'s `run`); without it, inside the request.
   */
  inbox?: { record(delivery: Delivery): Promise<unknown> };
  /** More routes on the app's server (the forum's webhook), given the app's log. */
  routes?(log: Log): Route[];
  /**
   * The per-issue lock's share across instances (a PostgreSQL advisory lock when several
   * instances share the database): deliveries and the repair sweep alike take it.
   */
  acrossInstances?: AcrossInstances;
}

export class Runtime {
  readonly lock: KeyedLock;
  private readonly onboardingGate: OnboardingGate;
  /** The last config per repository, kept only to shape the next read-ahead. */
  private readonly guesses: ConfigGuesses;
  /** The problems last reported per invalid config: the config issue is written on change only. */
  private readonly invalidReported = new Map<string, string>();
  /** Features' caches that outlive a delivery (the roadmap's board ids), by key. */
  private readonly sharedValues = new Map<string, unknown>();
  private login: Promise<string> | undefined;

  constructor(
    readonly app: Probot,
    readonly deps: AppDeps,
    private readonly features: readonly FeatureDefinition[] = FEATURES,
  ) {
    this.lock = new KeyedLock(deps.acrossInstances);
    this.guesses = new ConfigGuesses(deps.templates);
    const ttl = { ttlMs: deps.configTtlMs ?? 5 * 60_000, now: () => deps.now().getTime() };
    this.onboardingGate = new OnboardingGate(ttl, deps.onboardingSeed);
  }

  /** What features may use for one delivery or job run, over `port` and its installation. */
  scope(raw: GitHubPort, log: Log, installation: number, services: Services): Scope {
    const { metrics } = this.deps;
    const onces = new Map<string, Promise<unknown>>();
    const stash = new ReadAheadStash(this.lock);
    const port = stash.port(raw);
    // One read per repository and scope; a failed read is not kept, so the next call tries again.
    const configs = new Map<string, Promise<ConfigLoadResult>>();
    const config = (repo: RepoRef, about?: EventSubject): Promise<ConfigLoadResult> => {
      const key = `${repo.owner}/${repo.repo}`.toLowerCase();
      let loaded = configs.get(key);
      if (!loaded) {
        loaded = this.config(port, stash, repo, log, about);
        configs.set(key, loaded);
        loaded.catch(() => configs.delete(key));
      }
      return loaded;
    };
    const onboarding = async (repo: RepoRef, about?: EventSubject) => {
      const loaded = await config(repo, about);
      if (loaded.ok !== true || !loaded.config.enabled) return null;
      const status = await this.onboardingGate.status(port, repo, loaded.config);
      return { config: loaded.config, status };
    };
    return {
      port,
      log,
      lock: this.lock,
      metrics,
      installation,
      services,
      templates: this.deps.templates,
      appLogin: () => this.appLogin(),
      now: () => this.deps.now(),
      config: async (repo, about) => {
        const entry = await onboarding(repo, about);
        // The one gate: before a maintainer turned squad-bot on, no feature sees a config.
        return entry?.status.accepted ? entry.config : null;
      },
      onboarding: (repo) => onboarding(repo),
      onboardingDone: (repo) => this.onboardingGate.knownAccepted(repo),
      storeOnboarding: (repo, status) => this.onboardingGate.store(repo, status),
      dryRun: (config) => this.dryRun(config),
      commandsOn: (config) =>
        this.features
          .filter((f) => whyOff(f, services, config) === null)
          .flatMap((f) => f.commands ?? []),
      commandOff: (config, kind) =>
        commandOff(this.features, services, config, kind, this.deps.templates),
      once: <T>(key: string, make: () => Promise<T>): Promise<T> => {
        if (!onces.has(key)) onces.set(key, make());
        return onces.get(key) as Promise<T>;
      },
      shared: <T>(key: string, make: () => T): T => {
        if (!this.sharedValues.has(key)) this.sharedValues.set(key, make());
        return this.sharedValues.get(key) as T;
      },
      reportRunning: (repo, config, problems) =>
        this.reportRunning(port, log, installation, repo, config, problems),
    };
  }

  /** True when the app runs dry (everywhere) or the config asks for it. */
  private dryRun(config: Config | null): boolean {
    return this.deps.dryRun || (config?.dryRun ?? false);
  }

  /** Last running problems reported per repository: the config issue is written on change only. */
  private readonly runningReported = new Map<string, string>();

  private async reportRunning(
    port: GitHubPort,
    log: Log,
    installation: number,
    repo: RepoRef,
    config: Config,
    problems: string[],
  ): Promise<void> {
    const key = `${installation}:${repo.owner}/${repo.repo}`.toLowerCase();
    const said = JSON.stringify(problems);
    const before = this.runningReported.get(key);
    // The config issue is looked at when what there is to say changed; the first time in a
    // process too (one list request), so a report of a board fixed while it was down is closed.
    if (before === said) return;
    try {
      const valid: ConfigLoadResult = { ok: true, config, sources: [] };
      const options = { dryRun: this.dryRun(config), log, templates: this.deps.templates };
      await reportConfigHealth(port, repo, valid, await this.appLogin(), options, problems);
      this.runningReported.set(key, said);
    } catch (error) {
      log.error({ err: error, repo }, "could not report problems found while running");
    }
  }

  /** The scope of one webhook delivery: its port and services over the delivery's token. */
  deliveryScope(context: Context): Scope {
    const { deps } = this;
    const services: Services = {
      store: deps.store,
      community: deps.store ? deps.communityFor?.(context) : undefined,
      search: deps.searchFor?.(context),
      references: deps.referencesFor?.(context),
      recent: deps.recentFor?.(context),
      forum: deps.forumFor?.(),
    };
    const { featuresFor } = deps;
    // Features with their cards are read by the app's login, asked for only when they are read.
    if (featuresFor) services.features = async () => featuresFor(context, await this.appLogin());
    return this.scope(
      deps.githubFor(context),
      context.log,
      installationOf(context.payload),
      services,
    );
  }

  appLogin(): Promise<string> {
    this.login ??= this.deps.appLogin(this.app).catch((error: unknown) => {
      this.login = undefined;
      throw error;
    });
    return this.login;
  }

  /**
   * The repository's config, read fresh with what the event's reconciles read next about `about`
   * (one request; `_extends` adds one per file). An invalid config is reported when its
   * problems change (one issue in the repository), and nothing runs there while it stays so.
   */
  private async config(
    port: GitHubPort,
    stash: ReadAheadStash,
    repo: RepoRef,
    log: Log,
    about?: EventSubject,
  ): Promise<ConfigLoadResult> {
    const guess = this.guesses.guess(repo);
    const request: ReadAheadRequest = { configPath: CONFIG_PATH, ...this.issueParts(guess, about) };
    if (this.onboardingGate.needsRead(repo)) request.onboarding = onboardingReadOf(guess);
    const files = await stash.read(port, repo, request);
    const result = await loadConfig(port, repo, this.deps.templates, { files });
    if (result.ok === true) {
      this.guesses.remember(repo, result.config);
      // The config asks for other reads than guessed (it changed, or this process is new here):
      // they still come in one request rather than one per port call.
      const parts = this.issueParts(result.config, about);
      const same = (a: unknown, b: unknown) =>
        JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
      if (
        parts.issue &&
        !(same(parts.issue, request.issue) && same(parts.project, request.project))
      ) {
        await stash.read(port, repo, { configPath: CONFIG_PATH, ...parts });
      }
    }
    await this.reportInvalid(port, repo, log, result);
    return this.withQuiet(repo.owner, result);
  }

  /**
   * What the reconciles of the event read about its subject, as `config` says: a pull request as
   * it is; an issue as the feature that reads ahead (squad) reads it, with its board.
   */
  private issueParts(
    config: Config,
    about?: EventSubject,
  ): Pick<ReadAheadRequest, "issue" | "project" | "pullRequest"> {
    if (about === undefined) return {};
    if (about.pullRequest) return { pullRequest: about.number };
    const issue = about.number;
    const reader = this.features.find((f) => f.readAhead && (f.isOn === null || f.isOn(config)));
    const ahead = reader?.readAhead?.(config);
    if (!ahead) return {};
    return {
      issue: { number: issue, options: ahead.issue },
      ...(ahead.project ? { project: ahead.project } : {}),
    };
  }

  private async reportInvalid(
    port: GitHubPort,
    repo: RepoRef,
    log: Log,
    result: ConfigLoadResult,
  ): Promise<void> {
    const key = `${repo.owner}/${repo.repo}`.toLowerCase();
    if (result.ok !== false) {
      this.invalidReported.delete(key);
      return;
    }
    const said = JSON.stringify(result.problems);
    if (this.invalidReported.get(key) === said) return;
    log.warn(
      { repo, problems: result.problems },
      "squad-bot config is invalid; the bot makes no changes here",
    );
    // A valid config closes the report from the push that fixed it (config-check/webhooks.ts).
    try {
      // Invalid, so only the app's own dry run applies.
      const options = { dryRun: this.dryRun(null), log, templates: this.deps.templates };
      await reportConfigHealth(port, repo, result, await this.appLogin(), options);
      this.invalidReported.set(key, said);
    } catch (error) {
      log.error({ err: error, repo }, "could not report the config's health");
    }
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
}

/** The installation a delivery came from; 0 when the payload has none (a test or a script). */
export function installationOf(payload: unknown): number {
  const id = (payload as { installation?: { id?: unknown } } | null)?.installation?.id;
  return typeof id === "number" ? id : 0;
}

/** Why a feature does not run here: the app lacks what it needs, or the config turns it off. */
function whyOff(
  feature: FeatureDefinition,
  services: Services,
  config: Config,
): "unavailable" | "off" | null {
  if (feature.available?.(services) === false) return "unavailable";
  return feature.isOn && !feature.isOn(config) ? "off" : null;
}

function commandOff(
  features: readonly FeatureDefinition[],
  services: Services,
  config: Config,
  kind: CommandKind,
  templates: Templates,
): string | null {
  const owner = features.find((f) => f.commands?.includes(kind));
  const why = owner ? whyOff(owner, services, config) : null;
  if (!owner || why === null) return null;
  return why === "unavailable"
    ? templates.message("refuse.command.unavailable", {
        name: kind,
        needs: owner.needs ?? owner.name,
      })
    : templates.message("refuse.command.off", { name: kind, section: owner.section });
}
