/** Renders the weekly squad digest from collected data: Markdown for GitHub, forums and email. */
import type { Config } from "../../config/schema.js";
import { escapeInline } from "../../core/markdown.js";
import { shortened } from "../../core/mermaid.js";
import type { Templates } from "../../core/templates.js";
import { daysBetween, formatDuration } from "../../core/time.js";
import { mermaidPie, mermaidTimeline } from "./charts.js";
import type { FeatureLine, TransitionLine, WeeklyDigestData } from "./collect.js";
import type { WeeklyDigestConfig } from "./config.js";
import { fitSections } from "./fit.js";
import {
  digestPhrases,
  formatCalendarDay,
  formatDay,
  person,
  repoNames,
  type SectionView,
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
  templates: Templates;
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

export function renderWeeklyDigest(input: WeeklyRenderInput): RenderedDigest {
  const { data, config, settings, templates } = input;
  const { countMessage, featureLink, phaseName, section } = digestPhrases(templates);
  const now = new Date(data.now);
  const manyRepos = data.repos.length > 1;
  const link = (f: FeatureLine | TransitionLine) => featureLink(f, manyRepos);
  const lead = (login: string | null) =>
    login
      ? templates.message("digest.lead", {
          person: person(login, settings.mentionLeads, config.neverMention),
        })
      : templates.message("digest.lead.none");
  const inPhase = (f: FeatureLine) =>
    f.since
      ? formatDuration(now.getTime() - Date.parse(f.since))
      : templates.message("digest.since.unknown");
  const name = (id: string | null) => phaseName(config, id);
  const tz = data.period.timezone;

  const phaseLine = (f: FeatureLine) =>
    templates.message("digest.line.phase", {
      feature: link(f),
      lead: lead(f.lead),
      time: inPhase(f),
      demand: f.demand,
    });
  const phaseSections: SectionView[] = data.phases
    .filter((p) => p.features.total > 0)
    .map((p) =>
      section(
        countMessage("digest.phase.heading", p.features.total, { phase: name(p.id) }),
        p.features,
        phaseLine,
      ),
    );
  // Features of the repositories' other journeys, each phase headed by its journey's name.
  const journeySections: SectionView[] = data.journeys.flatMap((journey) => {
    const named = config.journeys.find((j) => j.id === journey.id);
    return journey.phases
      .filter((p) => p.features.total > 0)
      .map((p) =>
        section(
          countMessage("digest.phase.heading.journey", p.features.total, {
            journey: escapeInline(named?.name ?? journey.id),
            phase: escapeInline(named?.phases.find((ph) => ph.id === p.id)?.name ?? p.id),
          }),
          p.features,
          phaseLine,
        ),
      );
  });
  const move = (t: TransitionLine) =>
    templates.message("digest.line.move", {
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
  const open = [...data.phases, ...data.journeys.flatMap((j) => j.phases)].reduce(
    (sum, p) => sum + p.features.total,
    0,
  );
  const { label, range } = periodTitle(data);
  const ago = (at: string) => countMessage("digest.days", Math.max(0, daysBetween(at, now)));

  const sections: SectionView[] = [
    section(templates.message("digest.weekly.moves"), data.transitions, move, {
      chart: mermaidTimeline(
        templates.message("digest.chart.moves", { label }),
        [...days].map(([day, events]) => ({ day, events })),
      ),
    }),
    section(templates.message("digest.weekly.new"), data.newRequests, (f) =>
      templates.message("digest.line.new", {
        feature: link(f),
        demand: f.demand,
        phase: name(f.phase),
      }),
    ),
    section(templates.message("digest.weekly.released"), data.released, (t) =>
      templates.message("digest.line.released", {
        feature: link(t),
        day: formatDay(t.at, tz),
        by: person(t.by),
      }),
    ),
    section(templates.message("digest.weekly.blocked"), data.blocked, (f) =>
      templates.message("digest.line.blocked", {
        feature: link(f),
        reason: f.blockedReason ? escapeInline(f.blockedReason.slice(0, 200)) : undefined,
        lead: lead(f.lead),
      }),
    ),
    section(
      templates.message("digest.weekly.stalled", {
        phase: name(settings.stalledPhase),
        days: settings.stalledDays,
      }),
      data.stalled,
      (f) =>
        templates.message("digest.line.stalled", {
          feature: link(f),
          ago: ago(f.updatedAt),
          lead: lead(f.lead),
        }),
    ),
    section(
      templates.message("digest.weekly.measure", {
        phase: name(settings.releasePhase),
        days: settings.measureAfterDays,
      }),
      data.measureDue,
      (f) =>
        templates.message("digest.line.measure", {
          feature: link(f),
          time: inPhase(f),
          lead: lead(f.lead),
        }),
    ),
    section(templates.message("digest.weekly.seeking"), data.seeking, (f) =>
      countMessage("digest.line.seeking", f.members, {
        feature: link(f),
        phase: name(f.phase),
        lead: lead(f.lead),
      }),
    ),
  ];

  const title = templates.message("digest.weekly.title", { label, range });
  // The phases come first and matter most; then the sections in their order.
  const parts = [
    ...[...phaseSections, ...journeySections].map((view) => ({ phase: view })),
    ...sections.map((view) => ({ section: view })),
  ];
  const markdown = fitSections(parts, (kept, leftOut) =>
    templates.render("digest-weekly", {
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
        templates.message("digest.chart.phases"),
        data.phases.map((p) => ({ name: phaseNameRaw(config, p.id), count: p.features.total })),
      ),
      phases: kept.flatMap((part) => ("phase" in part ? [part.phase] : [])),
      noFeatures: open === 0 ? templates.message("digest.none") : undefined,
      sections: kept.flatMap((part) => ("section" in part ? [part.section] : [])),
      withoutCard:
        data.withoutCard > 0 ? countMessage("digest.withoutCard", data.withoutCard) : undefined,
      leftOut: leftOut > 0 ? countMessage("digest.leftOut", leftOut) : undefined,
    }),
  );
  return { title, markdown };
}

/** Chart labels are sanitised by the chart itself, so they take the raw phase name. */
function phaseNameRaw(config: Config, id: string): string {
  const all = [...config.phases, ...config.journeys.flatMap((j) => j.phases)];
  return all.find((p) => p.id === id)?.name ?? id;
}
