/**
 * Folds a stream of digest issues into what the weekly digest shows, one issue at a time: counts
 * plus bounded rankings, so memory stays flat however many issues did not change.
 */
import { configForIssue, featureLabels } from "../../config/journeys.js";
import type { Config } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import { DAY_MS } from "../../core/time.js";
import type { RepoRef } from "../../github/types.js";
import { phaseOfLabel } from "../squad/recognize.js";
import type { FeatureState } from "../squad/state.js";
import type { WeeklyDigestConfig } from "./config.js";
import { inPeriod, type Period } from "./period.js";
import type { DigestIssue, DigestQuery, DigestReadStats, DigestSource } from "./source.js";
import { type Ranked, TopList } from "./top-list.js";

export interface FeatureRef {
  repo: RepoRef;
  number: number;
  title: string;
  url: string;
}

export interface FeatureLine extends FeatureRef {
  /** Phase id; null when neither a phase label nor a card says. */
  phase: string | null;
  lead: string | null;
  /** When the feature entered its current phase; null when the card does not know. */
  since: string | null;
  /** 👍 plus people who said they are interested. */
  demand: number;
  members: number;
  updatedAt: string;
  blockedReason: string | null;
}

export interface TransitionLine extends FeatureRef {
  /** The phase it left: recognitions are new requests, not moves, so there always is one. */
  from: string;
  to: string;
  at: string;
  by: string;
}

export interface WeeklyDigestData {
  period: Period;
  now: string;
  repos: RepoRef[];
  /** Open features per configured phase, in the configured order (empty phases included). */
  phases: { id: string; features: Ranked<FeatureLine> }[];
  /** The same for each other journey of the repositories (`journeys`), by journey id. */
  journeys: { id: string; phases: { id: string; features: Ranked<FeatureLine> }[] }[];
  transitions: Ranked<TransitionLine>;
  newRequests: Ranked<FeatureLine>;
  blocked: Ranked<FeatureLine>;
  stalled: Ranked<FeatureLine>;
  released: Ranked<TransitionLine>;
  measureDue: Ranked<FeatureLine>;
  seeking: Ranked<FeatureLine>;
  /** Features closed during the period. */
  closed: number;
  /** Features whose card was not among the comments read: shown by label only. */
  withoutCard: number;
  reads: DigestReadStats;
}

const byDemand = (a: FeatureLine, b: FeatureLine) =>
  a.demand > b.demand || (a.demand === b.demand && a.number < b.number);
/** Longest waiting first: the oldest `since` (unknown last). */
const bySince = (a: FeatureLine, b: FeatureLine) =>
  (a.since ?? "~") < (b.since ?? "~") || (a.since === b.since && a.number < b.number);
const byQuiet = (a: FeatureLine, b: FeatureLine) => a.updatedAt < b.updatedAt;
const latestFirst = (a: TransitionLine, b: TransitionLine) => a.at > b.at;

/** When the current stay in `phase` began: consecutive entries for one phase are one stay. */
export function enteredCurrentPhase(state: FeatureState, phase: string): string | null {
  let since: string | null = null;
  for (let index = state.history.length - 1; index >= 0; index -= 1) {
    const entry = state.history[index];
    if (!entry || entry.phase !== phase) break;
    since = entry.at;
  }
  return since;
}

export class WeeklyCollector {
  private readonly phaseLists: Map<string, TopList<FeatureLine>>;
  /** Journey id → its phases' lists, for features in another journey. */
  private readonly journeyLists: Map<string, Map<string, TopList<FeatureLine>>>;
  private readonly lists;
  private closed = 0;
  private withoutCard = 0;
  private readonly phaseIndex: Map<string, number>;

  constructor(
    private readonly config: Config,
    private readonly settings: WeeklyDigestConfig,
    private readonly period: Period,
    private readonly now: Date,
  ) {
    const limit = settings.listLimit;
    const top = <T>(before: (a: T, b: T) => boolean) => new TopList<T>(limit, before);
    this.phaseLists = new Map(config.phases.map((p) => [p.id, top<FeatureLine>(byDemand)]));
    this.journeyLists = new Map(
      config.journeys.map((j) => [
        j.id,
        new Map(j.phases.map((p) => [p.id, top<FeatureLine>(byDemand)])),
      ]),
    );
    this.phaseIndex = new Map(config.phases.map((p) => [p.id, p.index]));
    this.lists = {
      // The timeline draws more than a list shows: a week of a busy org has dozens of moves.
      transitions: new TopList<TransitionLine>(Math.max(limit, 40), latestFirst),
      newRequests: top(byDemand),
      blocked: top(bySince),
      stalled: top(byQuiet),
      released: top(latestFirst),
      measureDue: top(bySince),
      seeking: top(byDemand),
    };
  }

  /** The labels whose issues the digest reads. */
  static query(config: Config, period: Period): DigestQuery {
    return { labels: featureLabels(config), closedSince: period.start };
  }

  /**
   * The instant the figures describe: the period's end, or now while it is still running. A
   * digest of a past period is what it would have said at its end, not today's state.
   */
  private get asOf(): number {
    return Math.min(this.now.getTime(), this.period.end.getTime());
  }

  add(raw: DigestIssue): void {
    // The journey comes from the journey's label, which the issue as it was still carries.
    const own = configForIssue(this.config, raw.labels);
    const issue = this.asItWas(raw, own);
    if (!issue) return;
    if (issue.state === "closed" && !(issue.closedAt && inPeriod(this.period, issue.closedAt))) {
      // Changed in the period, closed before it: only its moves this period count.
      this.addTransitions(issue);
      return;
    }
    const line = this.line(issue, own);
    if (!issue.card && line.phase !== null) this.withoutCard += 1;
    this.addTransitions(issue);
    const recognisedAt = issue.card?.history[0]?.at ?? issue.createdAt;
    if (inPeriod(this.period, recognisedAt)) this.lists.newRequests.add(line);
    if (issue.state === "closed") {
      this.closed += 1;
      return;
    }
    if (line.phase === null) return;
    const journey = own.journey;
    if (journey !== undefined) {
      // The stalled, release and seeking settings speak of the repository's own phases.
      this.journeyLists.get(journey)?.get(line.phase)?.add(line);
      return;
    }
    this.phaseLists.get(line.phase)?.add(line);
    if (line.blockedReason !== null) this.lists.blocked.add(line);
    const days = (at: string | null) => (at ? (this.asOf - Date.parse(at)) / DAY_MS : 0);
    const { stalledPhase, stalledDays, releasePhase, measureAfterDays } = this.settings;
    if (line.phase === stalledPhase && days(issue.updatedAt) >= stalledDays) {
      this.lists.stalled.add(line);
    }
    if (line.phase === releasePhase && days(line.since) >= measureAfterDays) {
      this.lists.measureDue.add(line);
    }
    const beforeRelease =
      (this.phaseIndex.get(line.phase) ?? 0) <
      (this.phaseIndex.get(releasePhase) ?? Number.POSITIVE_INFINITY);
    if (line.lead && beforeRelease && line.members < this.settings.seekingMembersBelow) {
      this.lists.seeking.add(line);
    }
  }

  result(repos: RepoRef[], reads: DigestReadStats): WeeklyDigestData {
    const lists = Object.fromEntries(
      Object.entries(this.lists).map(([name, list]) => [name, list.result()]),
    ) as { [K in keyof typeof this.lists]: ReturnType<(typeof this.lists)[K]["result"]> };
    return {
      period: this.period,
      now: this.now.toISOString(),
      repos,
      phases: [...this.phaseLists].map(([id, list]) => ({ id, features: list.result() })),
      journeys: [...this.journeyLists].map(([id, lists]) => ({
        id,
        phases: [...lists].map(([phase, list]) => ({ id: phase, features: list.result() })),
      })),
      ...lists,
      closed: this.closed,
      withoutCard: this.withoutCard,
      reads,
    };
  }

  /**
   * The issue as it stood at `asOf`: absent before it was opened, open if it closed later, its
   * card's history cut there (so its phase is the phase it was in). Labels, the lead and the
   * members have no history on the card: their current value stands.
   */
  private asItWas(issue: DigestIssue, own: Config): DigestIssue | null {
    const asOf = this.asOf;
    if (Date.parse(issue.createdAt) >= asOf) return null;
    const closedLater = issue.closedAt !== null && Date.parse(issue.closedAt) >= asOf;
    const card = issue.card && {
      ...issue.card,
      history: issue.card.history.filter((entry) => Date.parse(entry.at) < asOf),
    };
    if (card && card.history.length === 0) return null;
    const phase = card?.history.at(-1)?.phase;
    const moved = card && phase !== undefined && phase !== issue.card?.phase;
    return {
      ...issue,
      ...(closedLater ? { state: "open" as const, closedAt: null } : {}),
      ...(card ? { card: { ...card, phase: phase ?? card.phase } } : {}),
      // The labels show today's phase; the card's history knows the one it had then.
      ...(moved
        ? {
            labels: issue.labels.filter((l) => !phaseOfLabel(own, l)),
          }
        : {}),
    };
  }

  private line(issue: DigestIssue, own: Config): FeatureLine {
    const { card } = issue;
    const labelPhase = issue.labels.map((l) => phaseOfLabel(own, l)).find(Boolean);
    const phase = labelPhase?.id ?? card?.phase ?? null;
    const blockedLabel = this.config.labels.blocked;
    const labelBlocked =
      blockedLabel !== null && issue.labels.some((l) => sameName(l, blockedLabel));
    return {
      repo: issue.repo,
      number: issue.number,
      title: issue.title,
      url: issue.url,
      phase,
      lead: card?.lead ?? null,
      since: card && phase ? enteredCurrentPhase(card, phase) : null,
      demand: issue.thumbsUp + (card?.interested.length ?? 0),
      members: card?.members.length ?? 0,
      updatedAt: issue.updatedAt,
      blockedReason: card?.blocked?.reason ?? (labelBlocked ? "" : null),
    };
  }

  private addTransitions(issue: DigestIssue): void {
    const history = issue.card?.history ?? [];
    history.forEach((entry, index) => {
      const from = history[index - 1]?.phase;
      // Recognition is not a move: new requests have a section of their own.
      if (from === undefined || from === entry.phase || !inPeriod(this.period, entry.at)) return;
      const ref = { repo: issue.repo, number: issue.number, title: issue.title, url: issue.url };
      const move = { ...ref, from, to: entry.phase, at: entry.at, by: entry.by };
      this.lists.transitions.add(move);
      if (entry.phase === this.settings.releasePhase) this.lists.released.add(move);
    });
  }
}

/** Reads every repository's pages through `source` and folds them; one page in memory at a time. */
export async function collectWeekly(
  source: DigestSource,
  repos: RepoRef[],
  input: { config: Config; settings: WeeklyDigestConfig; period: Period; now: Date },
): Promise<WeeklyDigestData> {
  const collector = new WeeklyCollector(input.config, input.settings, input.period, input.now);
  const query = WeeklyCollector.query(input.config, input.period);
  for (const repo of repos) {
    for await (const page of source.issues(repo, query)) {
      for (const issue of page) collector.add(issue);
    }
  }
  return collector.result(repos, source.stats());
}
