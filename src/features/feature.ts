/**
 * What every feature folder exports: one definition the app wires from (`features/index.ts`
 * lists them). A feature is its config section, the hints it reacts to, the commands it runs
 * and the scheduled jobs it asks for; its load and pure plan go through the one reconcile loop
 * (`reconcile/loop.ts`). Features import neither Probot nor `app/`: what they need of the
 * running app comes in the `Scope`.
 */
import type { Action } from "../actions/action.js";
import type { CommandKind } from "../commands/specs.js";
import type { ReferenceReader } from "../config/references.js";
import type { Config } from "../config/schema.js";
import type { KeyedLock } from "../core/keyed-lock.js";
import type { Log } from "../core/log.js";
import type { Templates } from "../core/templates.js";
import type { ForumPort } from "../forum/port.js";
import type { DigestDeliveryPort } from "../github/delivery-port.js";
import type { GitHubPort, LoadIssueOptions } from "../github/port.js";
import type { IssueRef, IssueSnapshot, RepoRef } from "../github/types.js";
import type { Metrics } from "../observability/metrics.js";
import { type ApplyOptions, type ReconcileHost, reconcile } from "../reconcile/loop.js";
import type { ScheduledJob } from "../scheduler/scheduler.js";
import type { ContributorStore } from "../store/types.js";
import type { CommunityPort } from "./community/port.js";
import type { RepoVisibilityPort } from "./dashboard/visibility.js";
import type { DigestSource } from "./digest/source.js";
import type { Hint, HintKind } from "./hints.js";
import type { OnboardingStatus } from "./onboarding/status.js";
import type { SimilarSearchPort } from "./similar/port.js";
import type { RecentIssuesPort } from "./sweep/recent.js";

/** The outside systems one delivery or job may use besides `GitHubPort`; absent ones are off. */
export interface Services {
  store?: ContributorStore | undefined;
  community?: CommunityPort | undefined;
  /** Features with their cards, read by the app's own login; made on first use. */
  features?: (() => Promise<DigestSource>) | undefined;
  search?: SimilarSearchPort | undefined;
  recent?: RecentIssuesPort | undefined;
  delivery?: DigestDeliveryPort | undefined;
  /** Whether a repository is public: the dashboard shows only those unless its config says else. */
  visibility?: RepoVisibilityPort | undefined;
  /** What the config's labels, teams and repositories name; without it they are not checked. */
  references?: ReferenceReader | undefined;
  /** The forum bridge (DISCOURSE_* set); without it linked topics are only shown as links. */
  forum?: ForumBridge | undefined;
}

/** The forum as the bridge reaches it: the port, the forum it is keyed for, and the bot's user. */
export interface ForumBridge {
  port: ForumPort;
  /** `DISCOURSE_URL`: a repository's `forum.url` must be this forum. */
  url: string;
  username: string;
}

/** What a feature may use of the running app for one delivery or one job run. */
export interface Scope extends ReconcileHost {
  readonly port: GitHubPort;
  readonly log: Log;
  readonly lock: KeyedLock;
  readonly metrics?: Metrics | undefined;
  readonly installation: number;
  readonly services: Services;
  /** Every text the bot writes, read once per process: planners get it from here, as data. */
  readonly templates: Templates;
  /** The app's bot login, e.g. `squad-bot[bot]`. */
  appLogin(): Promise<string>;
  now(): Date;
  /**
   * The repository's valid, enabled config, or null: then nothing runs there. Null too until a
   * maintainer turned squad-bot on in the onboarding issue: the one gate that keeps every
   * feature from writing before then. Read fresh once per delivery or job run (never cached
   * longer, so a pushed change counts at once); the first call's `about`, the issue or pull
   * request the event is about, is read in the same request (`app/read-ahead.ts`).
   */
  config(repo: RepoRef, about?: EventSubject): Promise<Config | null>;
  /**
   * The valid, enabled config whether or not squad-bot was turned on, with where onboarding
   * stands (cached per process); null as for `config`. Onboarding and job planning read past the
   * gate; nothing else should.
   */
  onboarding(repo: RepoRef): Promise<{ config: Config; status: OnboardingStatus } | null>;
  /** True when squad-bot is known to be turned on in `repo` (no request): onboarding is done. */
  onboardingDone(repo: RepoRef): boolean;
  /** Replaces the cached onboarding status after the onboarding issue was written. */
  storeOnboarding(repo: RepoRef, status: OnboardingStatus): void;
  /** The commands of the features on in a repository, as `/help` lists them. */
  commandsOn(config: Config): CommandKind[];
  /** Why a command of a feature that is off here cannot run, in words for its author; else null. */
  commandOff(config: Config, kind: CommandKind): string | null;
  /** True when the app runs dry (everywhere) or the config asks for it; null: no valid config. */
  dryRun(config: Config | null): boolean;
  /** One value per delivery (or job run) and key: what does not change within it is read once. */
  once<T>(key: string, make: () => Promise<T>): Promise<T>;
  /** One value per process and key, made on first use: caches that outlive a delivery. */
  shared<T>(key: string, make: () => T): T;
  /**
   * Problems found while running (the roadmap board cannot be read) go to maintainers, in the
   * config issue, never on public cards; written only when they change. Empty clears them.
   */
  reportRunning(repo: RepoRef, config: Config, problems: string[]): Promise<void>;
}

/** How the loop applies a plan in this repository. */
export function applyOptions(scope: Scope, config: Config): ApplyOptions {
  return {
    dryRun: scope.dryRun(config),
    protectedLabels: config.labels.protected,
    labelColor: config.labels.color,
  };
}

/**
 * Applies a feature's actions to one issue or pull request through the one loop: fixed ones, or
 * ones planned from the issue as loaded. For features without a card of their own.
 */
export async function applyActionsOn(
  scope: Scope,
  config: Config,
  feature: string,
  target: { ref: IssueRef; pullRequest: boolean },
  plan: Action[] | ((subject: IssueSnapshot) => Action[]),
  notes: string[],
): Promise<void> {
  await reconcile(scope, {
    feature,
    subject: target,
    apply: applyOptions(scope, config),
    load: async (subject) => subject,
    plan: (subject) => ({
      actions: typeof plan === "function" ? plan(subject) : plan,
      notes,
      cardCommentId: null,
      carry: undefined,
    }),
  });
}

type HintOf<K extends HintKind> = Extract<Hint, { kind: K }>;

/**
 * `config` is the repository's enabled config when the hint names a repository and the feature is
 * on there; hints without one (a board item) get null and find the repository themselves.
 */
type HintHandler<K extends HintKind> = (
  scope: Scope,
  hint: HintOf<K>,
  config: Config | null,
) => Promise<void>;

/**
 * `wants` decides from the hint alone, before the config is read, so an event no feature wants
 * costs no request at all.
 */
export interface HintSubscription<K extends HintKind> {
  wants?(hint: HintOf<K>): boolean;
  run: HintHandler<K>;
}

type HintHandlers = { [K in HintKind]?: HintSubscription<K> };

/** One scheduled job a repository's config asks for. */
export interface FeatureJob {
  /** Its metric label and the first part of its scheduler name, e.g. `sweep` or `digest:weekly`. */
  name: string;
  cron: string;
  timezone: string;
  periodKey?: ScheduledJob["periodKey"];
  /** Runs of one installation with this set run one after another: they share its rate budget. */
  sharesRateBudget?: boolean;
  run(scope: Scope, repo: RepoRef, at: Date): Promise<void>;
}

export interface FeatureDefinition {
  /** Its name in logs and metrics. */
  readonly name: string;
  /** The config section that switches it on, for the README and `doctor`. */
  readonly section: string;
  /** False when the app lacks what the feature needs (a store): then it is off everywhere. */
  available?(services: Services): boolean;
  /** What `available` wants, said to someone who typed one of its commands: "needs a store". */
  readonly needs?: string;
  /**
   * On for a repository when its section says so. Null for a feature that runs whatever the
   * config says, and before it is read (config-check: it reports invalid configs).
   */
  isOn: ((config: Config) => boolean) | null;
  readonly on?: HintHandlers;
  /** The commands it runs; `/help` lists those of the features that are on. */
  readonly commands?: readonly CommandKind[];
  /**
   * The jobs a repository's config asks of it (none when it is off there); `onboarding` says
   * whether squad-bot was turned on there yet.
   */
  jobs?(config: Config, services: Services, onboarding: OnboardingStatus): FeatureJob[];
  /**
   * What its reconcile of an event's issue reads, as `config` says: the runtime reads it in the
   * same request as the config (`app/read-ahead.ts`).
   */
  readAhead?(config: Config): IssueReadAhead;
}

/** The issue or pull request an event is about, by number in the hint's repository. */
export interface EventSubject {
  number: number;
  pullRequest: boolean;
}

interface IssueReadAhead {
  issue: LoadIssueOptions;
  /** The board's ids (`GitHubPort.loadProject`'s arguments). */
  project?: { org: string; number: number; fieldNames: string[] };
}

/**
 * The one rule for "is this section on": present (not `null`) and not `enabled: false`. Sections
 * with defaults (sweep) are on unless switched off.
 */
export function sectionOn(section: unknown): boolean {
  if (section === null || section === undefined) return false;
  if (typeof section === "object" && "enabled" in section) return section.enabled !== false;
  return true;
}
