/**
 * Folds the digest pager's stream of feature issues into the dashboard snapshot's features,
 * moves, releases and digest archive: pure, one issue at a time.
 */
import { configForIssue, featureLabels } from "../../config/journeys.js";
import type { Config } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import { DAY_MS } from "../../core/time.js";
import type { DashboardSnapshot, SnapshotFeature, SnapshotMove } from "../../web/snapshot.js";
import { enteredCurrentPhase } from "../digest/collect.js";
import type { DigestIssue, DigestQuery } from "../digest/source.js";
import { beforeRelease } from "../squad/card.js";
import { phaseOfLabel } from "../squad/recognize.js";
import type { DashboardConfig } from "./config.js";

/** Recent moves kept for the timeline: enough for a busy month, bounded for 50k issues. */
const RECENT_MOVES = 200;

const repoName = (issue: DigestIssue) => `${issue.repo.owner}/${issue.repo.repo}`;
const month = (at: string) => at.slice(0, 7);
const isDate = (text: string | null) => text !== null && /^\d{4}-\d{2}-\d{2}$/.test(text);

export type CollectedFeatures = Pick<
  DashboardSnapshot,
  "features" | "releasedPerMonth" | "recentMoves" | "digests"
>;

export class SnapshotCollector {
  private readonly features: SnapshotFeature[] = [];
  private readonly released = new Map<string, number>();
  private moves: SnapshotMove[] = [];
  private readonly digests: DashboardSnapshot["digests"] = [];

  constructor(
    private readonly config: Config,
    private readonly settings: DashboardConfig,
    private readonly now: Date,
    /** Logins never named: people who said /quiet and the config's `neverMention`. */
    private readonly unnamed: (login: string) => boolean,
    private readonly digestLabel: string | null,
  ) {}

  /**
   * The phase labels, recognition labels, every journey's label and phase labels and the digest
   * label, read through the digest's pager.
   */
  static query(config: Config, settings: DashboardConfig, now: Date, digestLabel: string | null) {
    const labels = featureLabels(config);
    if (digestLabel) labels.push(digestLabel);
    const closedSince = new Date(now.getTime() - settings.historyDays * DAY_MS);
    return { labels: [...new Set(labels)], closedSince } satisfies DigestQuery;
  }

  add(issue: DigestIssue): void {
    if (this.digestLabel && issue.labels.some((l) => sameName(l, this.digestLabel as string))) {
      const { number, title, url, createdAt } = issue;
      this.digests.push({ repo: repoName(issue), number, title, url, at: createdAt });
      return;
    }
    const own = configForIssue(this.config, issue.labels);
    this.addMoves(issue, own.journey);
    const feature = this.feature(issue, own);
    if (feature) this.features.push(feature);
  }

  result(): CollectedFeatures {
    const byMonth = [...this.released].sort(([a], [b]) => a.localeCompare(b));
    return {
      features: this.features,
      releasedPerMonth: byMonth.map(([key, count]) => ({ month: key, count })),
      recentMoves: this.moves.sort((a, b) => b.at.localeCompare(a.at)).slice(0, RECENT_MOVES),
      digests: this.digests.sort((a, b) => b.at.localeCompare(a.at)),
    };
  }

  /** `own`: the issue's config; its `journey` is set when it is not the repository's own. */
  private feature(issue: DigestIssue, own: Config): SnapshotFeature | null {
    const { card } = issue;
    const { journey } = own;
    const labelPhase = issue.labels.map((l) => phaseOfLabel(own, l)).find(Boolean);
    const phase = labelPhase?.id ?? card?.phase ?? null;
    if (phase === null && !card) return null;
    const blockedLabel = this.config.labels.blocked;
    const labelBlocked =
      blockedLabel !== null && issue.labels.some((l) => sameName(l, blockedLabel));
    const since = card && phase ? enteredCurrentPhase(card, phase) : null;
    const days = (at: string | null) =>
      at === null ? null : Math.max(0, Math.floor((this.now.getTime() - Date.parse(at)) / DAY_MS));
    // The stalled, release and seeking settings speak of the repository's own phases.
    const ownOpen = issue.state === "open" && journey === undefined;
    const members = card?.members.length ?? 0;
    const lead = card?.lead ?? null;
    const beforeReleasePhase =
      card !== null && phase !== null && beforeRelease(this.config, { ...card, phase });
    const target = card?.target ?? null;
    return {
      repo: repoName(issue),
      number: issue.number,
      title: issue.title,
      url: issue.url,
      state: issue.state,
      ...(journey === undefined ? {} : { journey }),
      phase,
      lead: lead && !this.unnamed(lead) ? lead : null,
      squadSize: members + (lead ? 1 : 0),
      demand: issue.thumbsUp + (card?.interested.length ?? 0),
      thumbsUp: issue.thumbsUp,
      interested: card?.interested.length ?? 0,
      labels: issue.labels,
      since,
      daysInPhase: days(since),
      blocked: card?.blocked?.reason ?? (labelBlocked ? "" : null),
      stalled:
        ownOpen &&
        phase === this.settings.stalledPhase &&
        (days(issue.updatedAt) ?? 0) >= this.settings.stalledDays,
      overdue:
        ownOpen &&
        isDate(target) &&
        Date.parse(target as string) < this.now.getTime() &&
        beforeReleasePhase,
      seekingMembers:
        ownOpen &&
        lead !== null &&
        beforeReleasePhase &&
        members < this.settings.seekingMembersBelow,
      target,
      links: Object.fromEntries(Object.entries(card?.links ?? {}).filter(([, url]) => url)),
      history: (card?.history ?? []).map((entry) => ({ phase: entry.phase, at: entry.at })),
      related: (card?.related ?? []).map((r) => ({
        repo: r.repo,
        number: r.number,
        title: r.title,
        state: r.state,
        url: `https://github.com/${r.repo}/issues/${r.number}`,
      })),
      updatedAt: issue.updatedAt,
    };
  }

  private addMoves(issue: DigestIssue, journey: string | undefined): void {
    const history = issue.card?.history ?? [];
    history.forEach((entry, index) => {
      const from = history[index - 1]?.phase;
      if (from === undefined || from === entry.phase) return;
      if (journey === undefined && entry.phase === this.settings.releasePhase) {
        this.released.set(month(entry.at), (this.released.get(month(entry.at)) ?? 0) + 1);
      }
      const { number, title, url } = issue;
      this.moves.push({
        repo: repoName(issue),
        number,
        title,
        url,
        ...(journey === undefined ? {} : { journey }),
        from,
        to: entry.phase,
        at: entry.at,
      });
      // Bounded as it goes: 50k issues with long histories must not pile up in memory.
      if (this.moves.length > RECENT_MOVES * 4) {
        this.moves = this.moves.sort((a, b) => b.at.localeCompare(a.at)).slice(0, RECENT_MOVES);
      }
    });
  }
}
