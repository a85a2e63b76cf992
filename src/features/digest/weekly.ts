/** Renders the weekly squad digest from collected data: Markdown for GitHub, forums and email. */
import type { Config } from "../../config/schema.js";
import { message, renderTemplate } from "../../core/global-templates.js";
import { escapeInline } from "../../core/markdown.js";
import { shortened } from "../../core/mermaid.js";
import { daysBetween, formatDuration } from "../../core/time.js";
import { mermaidPie, mermaidTimeline } from "./charts.js";
import type { FeatureLine, TransitionLine, WeeklyDigestData } from "./collect.js";
import type { WeeklyDigestConfig } from "./config.js";
import {
  countMessage,
  featureLink,
  formatCalendarDay,
  formatDay,
  person,
  phaseName,
  repoNames,
  type SectionView,
  section,
} from "./format.js";

export interface RenderedDigest {
  title: string;
  /** Markdown without the delivery marker: paste it into a forum post as it is. */
  markdown: string;
}

export interface WeeklyRenderInput {
  data: WeeklyDigestData;
  config: Config;
  settings: WeeklyDigestConfig;
}

export function periodTitle(data: { period: WeeklyDigestData["period"] }): {
  range: string;
  label: string;
} {
  const { period } = data;
  return {
    label: period.label,
    range: `${formatCalendarDay(period.firstDay)} – ${formatCalendarDay(period.lastDay)}`,
  };
}

export function renderWeeklyDigest({ data, config, settings }: WeeklyRenderInput): RenderedDigest {
  const now = new Date(data.now);
  const manyRepos = data.repos.length > 1;
  const link = (f: FeatureLine | TransitionLine) => featureLink(f, manyRepos);
  const lead = (login: string | null) =>
    login
      ? message("digest.lead", {
          person: person(login, settings.mentionLeads, config.neverMention),
        })
      : message("digest.lead.none");
  const inPhase = (f: FeatureLine) =>
    f.since ? formatDuration(now.getTime() - Date.parse(f.since)) : message("digest.since.unknown");
  const name = (id: string | null) => phaseName(config, id);
  const tz = data.period.timezone;

  const phaseSections: SectionView[] = data.phases
    .filter((p) => p.features.total > 0)
    .map((p) =>
      section(
        countMessage("digest.phase.heading", p.features.total, { phase: name(p.id) }),
        p.features,
        (f) =>
          message("digest.line.phase", {
            feature: link(f),
            lead: lead(f.lead),
            time: inPhase(f),
            demand: f.demand,
          }),
      ),
    );
  const move = (t: TransitionLine) =>
    message("digest.line.move", {
      day: formatDay(t.at, tz),
      feature: link(t),
      from: name(t.from),
      to: name(t.to),
      by: person(t.by),
    });
  const chronological = [...data.transitions.items].sort((a, b) => a.at.localeCompare(b.at));
  const days = new Map<string, string[]>();
  for (const t of chronological) {
    const day = formatDay(t.at, tz);
    // The title is cut, never the phase it moved to.
    const title = shortened(t.title, 50);
    days.set(day, [...(days.get(day) ?? []), `${title} → ${phaseNameRaw(config, t.to)}`]);
  }
  const open = data.phases.reduce((sum, p) => sum + p.features.total, 0);
  const { label, range } = periodTitle(data);
  const ago = (at: string) => countMessage("digest.days", Math.max(0, daysBetween(at, now)));

  const sections: SectionView[] = [
    section(message("digest.weekly.moves"), data.transitions, move, {
      chart: mermaidTimeline(
        message("digest.chart.moves", { label }),
        [...days].map(([day, events]) => ({ day, events })),
      ),
    }),
    section(message("digest.weekly.new"), data.newRequests, (f) =>
      message("digest.line.new", { feature: link(f), demand: f.demand, phase: name(f.phase) }),
    ),
    section(message("digest.weekly.released"), data.released, (t) =>
      message("digest.line.released", {
        feature: link(t),
        day: formatDay(t.at, tz),
        by: person(t.by),
      }),
    ),
    section(message("digest.weekly.blocked"), data.blocked, (f) =>
      message("digest.line.blocked", {
        feature: link(f),
        reason: f.blockedReason ? escapeInline(f.blockedReason.slice(0, 200)) : undefined,
        lead: lead(f.lead),
      }),
    ),
    section(
      message("digest.weekly.stalled", {
        phase: name(settings.stalledPhase),
        days: settings.stalledDays,
      }),
      data.stalled,
      (f) =>
        message("digest.line.stalled", {
          feature: link(f),
          ago: ago(f.updatedAt),
          lead: lead(f.lead),
        }),
    ),
    section(
      message("digest.weekly.measure", {
        phase: name(settings.releasePhase),
        days: settings.measureAfterDays,
      }),
      data.measureDue,
      (f) =>
        message("digest.line.measure", { feature: link(f), time: inPhase(f), lead: lead(f.lead) }),
    ),
    section(message("digest.weekly.seeking"), data.seeking, (f) =>
      countMessage("digest.line.seeking", f.members, {
        feature: link(f),
        phase: name(f.phase),
        lead: lead(f.lead),
      }),
    ),
  ];

  const title = message("digest.weekly.title", { label, range });
  const markdown = renderTemplate("digest-weekly", {
    title,
    range,
    timezone: escapeInline(tz),
    repos: repoNames(data.repos),
    summary: [
      countMessage("digest.summary.open", open),
      countMessage("digest.summary.moves", data.transitions.total),
      countMessage("digest.summary.new", data.newRequests.total),
      countMessage("digest.summary.released", data.released.total),
      countMessage("digest.summary.closed", data.closed),
    ].join(" · "),
    pie: mermaidPie(
      message("digest.chart.phases"),
      data.phases.map((p) => ({ name: phaseNameRaw(config, p.id), count: p.features.total })),
    ),
    phases: phaseSections,
    noFeatures: open === 0 ? message("digest.none") : undefined,
    sections,
    withoutCard:
      data.withoutCard > 0 ? countMessage("digest.withoutCard", data.withoutCard) : undefined,
  });
  return { title, markdown };
}

/** Chart labels are sanitised by the chart itself, so they take the raw phase name. */
function phaseNameRaw(config: Config, id: string): string {
  return config.phases.find((p) => p.id === id)?.name ?? id;
}
