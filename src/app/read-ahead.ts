/**
 * The cold path in one read: a delivery reads its repository's config fresh, in one GraphQL
 * document that also carries what the event's reconcile reads next (the issue, the board's ids,
 * where onboarding stands). What to carry is shaped by the last config this process saw for the
 * repository (or its owner, else the default preset): a guess only, since each carried part
 * answers one port call with exactly the same arguments, and a call the fresh config makes
 * differently goes to GitHub as usual.
 */
import { ConfigCache } from "../config/cache.js";
import { validateLayers } from "../config/load.js";
import type { Config } from "../config/schema.js";
import type { KeyedLock } from "../core/keyed-lock.js";
import { sameName } from "../core/names.js";
import type { Templates } from "../core/templates.js";
import type {
  GitHubPort,
  LoadIssueOptions,
  ReadAheadRequest,
  ReadAheadResult,
} from "../github/port.js";
import type {
  IssueRef,
  IssueSnapshot,
  OnboardingSnapshot,
  ProjectSnapshot,
  RepoRef,
} from "../github/types.js";
import { issueKey } from "../reconcile/loop.js";

/** Stands for "any repository of the owner": no repository has an empty name. */
const OWNER_WIDE = "";

/** The last valid config per repository and per owner, kept only to shape the next read. */
export class ConfigGuesses {
  private readonly seen = new ConfigCache<Config>({ ttlMs: Number.POSITIVE_INFINITY });
  private preset: Config | undefined;

  constructor(private readonly templates: Templates) {}

  guess(repo: RepoRef): Config {
    return (
      this.seen.get(repo.owner, repo.repo) ??
      this.seen.get(repo.owner, OWNER_WIDE) ??
      this.defaultConfig()
    );
  }

  remember(repo: RepoRef, config: Config): void {
    this.seen.set(repo.owner, repo.repo, config);
    this.seen.set(repo.owner, OWNER_WIDE, config);
  }

  /** An empty config file: the default preset. */
  private defaultConfig(): Config {
    if (!this.preset) {
      const result = validateLayers([], [], this.templates);
      if (result.ok !== true) throw new Error("the default preset does not validate");
      this.preset = result.config;
    }
    return this.preset;
  }
}

/**
 * The kept snapshot as a read with `options` answers it: the same or fewer label lookups, and
 * the same project fields or none; undefined when the read asks for more than was read.
 */
function narrowed(kept: KeptIssue, options: LoadIssueOptions): IssueSnapshot | null | undefined {
  const { snapshot } = kept;
  const fields = (o: LoadIssueOptions) => JSON.stringify(o.projectFields ?? null);
  const withItems = options.projectFields !== undefined;
  if (withItems && fields(options) !== fields(kept.options)) return undefined;
  const asked = (name: string) => options.labelNames.some((wanted) => sameName(wanted, name));
  if (!options.labelNames.every((name) => kept.options.labelNames.some((k) => sameName(k, name))))
    return undefined;
  if (snapshot === null) return null;
  const { projectItems, ...rest } = snapshot;
  return {
    ...rest,
    repoLabels: snapshot.repoLabels.filter((label) => asked(label.name)),
    ...(withItems && projectItems ? { projectItems } : {}),
  };
}

const projectKey = (org: string, number: number, fieldNames: string[]): string =>
  JSON.stringify([org.toLowerCase(), number, fieldNames]);

const onboardingKey = (repo: RepoRef, label: string, cardLabels: string[]): string =>
  JSON.stringify([repo.owner.toLowerCase(), repo.repo.toLowerCase(), label, cardLabels]);

interface KeptIssue {
  options: LoadIssueOptions;
  snapshot: IssueSnapshot | null;
  /** The issue lock's stamp when it was read; null: a run was under way, never used. */
  stamp: string | null;
}

/**
 * One delivery's read-ahead answers, handed to the port calls they stand for until the delivery
 * writes. An issue read outside its lock is used only when no run of that issue was under way
 * then and none but this delivery's own has ended since.
 */
export class ReadAheadStash {
  private readonly issues = new Map<string, KeptIssue>();
  private readonly pulls = new Map<string, KeptIssue>();
  private readonly projects = new Map<string, ProjectSnapshot | null>();
  private readonly onboardings = new Map<string, OnboardingSnapshot>();

  constructor(private readonly lock: KeyedLock) {}

  /** Reads ahead through `port`, keeps what was carried, and returns the config files. */
  async read(port: GitHubPort, repo: RepoRef, request: ReadAheadRequest) {
    const number = request.issue?.number ?? request.pullRequest;
    const ref = number === undefined ? null : { ...repo, number };
    const stamp = ref ? this.lock.stamp(issueKey(ref)) : null;
    const result = await port.readAhead(repo, request);
    this.keep(repo, request, result, stamp);
    return result.files;
  }

  private keep(
    repo: RepoRef,
    request: ReadAheadRequest,
    result: ReadAheadResult,
    stamp: string | null,
  ): void {
    const { issue, project, onboarding, pullRequest } = request;
    if (issue && result.issue !== undefined) {
      const key = issueKey({ ...repo, number: issue.number });
      this.issues.set(key, { options: issue.options, snapshot: result.issue, stamp });
    }
    if (pullRequest !== undefined && result.pullRequest !== undefined) {
      const key = issueKey({ ...repo, number: pullRequest });
      this.pulls.set(key, { options: { labelNames: [] }, snapshot: result.pullRequest, stamp });
    }
    if (project && result.project !== undefined) {
      const key = projectKey(project.org, project.number, project.fieldNames);
      this.projects.set(key, result.project);
    }
    if (onboarding && result.onboarding) {
      const key = onboardingKey(repo, onboarding.label, onboarding.cardLabels);
      this.onboardings.set(key, result.onboarding);
    }
  }

  /**
   * The kept snapshot as this call would read it; undefined when it must be read. Called inside
   * the issue's lock (a reconcile), the snapshot stays good for the next reconcile of this
   * delivery once this one ends, unless it writes.
   */
  private takeThread(
    threads: Map<string, KeptIssue>,
    ref: IssueRef,
    options: LoadIssueOptions,
  ): IssueSnapshot | null | undefined {
    const key = issueKey(ref);
    const kept = threads.get(key);
    if (!kept || kept.stamp === null || kept.stamp !== this.lock.lastRun(key)) {
      threads.delete(key);
      return undefined;
    }
    const served = narrowed(kept, options);
    if (served !== undefined) kept.stamp = this.lock.lastRun(key, 1);
    return served;
  }

  /** After a write, what was read before may no longer be what GitHub holds (board ids are). */
  private wrote(): void {
    this.issues.clear();
    this.pulls.clear();
    this.onboardings.clear();
  }

  /** `inner`, with the calls the read-ahead already answered served from it. */
  port(inner: GitHubPort): GitHubPort {
    const overrides: Partial<GitHubPort> = {
      loadIssue: async (ref, options) => {
        const kept = this.takeThread(this.issues, ref, options);
        return kept !== undefined ? kept : inner.loadIssue(ref, options);
      },
      loadPullRequest: async (ref) => {
        const kept = this.takeThread(this.pulls, ref, { labelNames: [] });
        return kept !== undefined ? kept : inner.loadPullRequest(ref);
      },
      loadProject: async (org, number, fieldNames) => {
        const kept = this.projects.get(projectKey(org, number, fieldNames));
        return kept !== undefined ? kept : inner.loadProject(org, number, fieldNames);
      },
      loadOnboarding: async (repo, label, cardLabels) => {
        const kept = this.onboardings.get(onboardingKey(repo, label, cardLabels));
        return kept ?? inner.loadOnboarding(repo, label, cardLabels);
      },
      mutate: (ops) => {
        this.wrote();
        return inner.mutate(ops);
      },
      createIssue: (repo, issue) => {
        this.wrote();
        return inner.createIssue(repo, issue);
      },
    };
    return new Proxy(inner, {
      get(target, name, receiver) {
        const own = overrides[name as keyof GitHubPort];
        if (own) return own;
        const value: unknown = Reflect.get(target, name, receiver);
        return typeof value === "function" ? value.bind(target) : value;
      },
    });
  }
}
