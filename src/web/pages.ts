/** The dashboard's pages besides the board: demand, community, opportunities, history, one feature. */
import { monthlyBars, phaseTimeline } from "./charts.js";
import { cardHtml, layoutPage, renderTemplate } from "./render.js";
import { featurePath, PAGES, type Site } from "./site.js";
import type { DashboardSnapshot, SnapshotFeature } from "./snapshot.js";
import {
  demandRanking,
  featureTimeline,
  opportunitiesModel,
  phaseName,
  safeHref,
} from "./view-models.js";

interface Cell {
  text: string;
  href?: string | null;
  wide?: boolean;
  extra?: string;
}

const section = (heading: string, body: string, intro?: string) =>
  renderTemplate("section", { heading, body, intro });
const linkList = (items: { text: string; href: string | null; note?: string }[], empty: string) =>
  renderTemplate("links", { items, empty });
const ref = (f: { repo: string; number: number }) => `${f.repo}#${f.number}`;

export function demandPage(site: Site, snapshot: DashboardSnapshot): string {
  const rows = demandRanking(snapshot).map((f, index): Cell[] => {
    const related = f.related.map((r) => ({ text: `${ref(r)} ${r.title}`, href: safeHref(r.url) }));
    return [
      { text: String(index + 1) },
      {
        text: f.title,
        href: `${site.root}${featurePath(f.repo, f.number)}`,
        wide: true,
        ...(related.length > 0
          ? {
              extra: `<details><summary>Raised before?</summary>${linkList(related, "")}</details>`,
            }
          : {}),
      },
      { text: phaseName(snapshot, f.phase, f.journey) },
      { text: String(f.demand) },
      { text: String(f.thumbsUp) },
      { text: String(f.interested) },
      { text: String(f.squadSize) },
    ];
  });
  const body = renderTemplate("table", {
    caption: "Open requests, most wanted first (👍 plus people interested).",
    head: ["#", "Feature", "Phase", "Demand", "👍", "Interested", "Squad"],
    rows,
  });
  return layoutPage(site, snapshot, "demand", PAGES.demand.title, body);
}

export function communityPage(site: Site, snapshot: DashboardSnapshot): string {
  const community = snapshot.community;
  if (!community) {
    const body =
      "<p>The community journey needs the contributor store, which this dashboard has not got.</p>";
    return layoutPage(site, snapshot, "community", PAGES.community.title, body);
  }
  const stages = renderTemplate("table", {
    caption: "People in each stage of the community journey.",
    head: ["Stage", "People"],
    rows: community.stages.map((s) => [{ text: s.stage }, { text: String(s.count) }]),
  });
  const perMonth = renderTemplate("chart", {
    svg: monthlyBars(community.newPerMonth, "New contributors per month"),
    caption: `New contributors per month: ${community.newPerMonth.map((m) => `${m.month} ${m.count}`).join(", ") || "none yet"}.`,
  });
  const thriving = linkList(
    community.thriving.map((t) => ({
      text: t.login,
      href: `https://github.com/${t.login}`,
      note: t.reason,
    })),
    "No thriving candidates this month.",
  );
  const body = [
    section("Stages", stages),
    section("New contributors", perMonth),
    section(
      "Thriving candidates",
      thriving,
      "Active across months and areas; people who opted out are not named.",
    ),
  ].join("");
  return layoutPage(site, snapshot, "community", PAGES.community.title, body);
}

export function opportunitiesPage(site: Site, snapshot: DashboardSnapshot): string {
  const model = opportunitiesModel(snapshot);
  const seeking = model.seeking.length
    ? `<ol class="column">${model.seeking.map((f) => cardHtml(site, f)).join("")}</ol>`
    : '<p class="muted">No squad is seeking members right now.</p>';
  const firstIssues = linkList(
    model.goodFirstIssues.map((g) => ({ text: `${ref(g)} ${g.title}`, href: safeHref(g.url) })),
    "No good first issues found.",
  );
  const body = [
    section(
      "Squads seeking members",
      seeking,
      "Comment /join on a squad's issue to join it; its lead will welcome you.",
    ),
    section(
      "Good first issues",
      firstIssues,
      "Comment on the issue to say you are taking it; a maintainer will help you start.",
    ),
  ].join("");
  return layoutPage(site, snapshot, "opportunities", PAGES.opportunities.title, body);
}

export function historyPage(site: Site, snapshot: DashboardSnapshot): string {
  const released = renderTemplate("chart", {
    svg: monthlyBars(snapshot.releasedPerMonth, "Features released per month"),
    caption: `Features released per month: ${snapshot.releasedPerMonth.map((m) => `${m.month} ${m.count}`).join(", ") || "none yet"}.`,
  });
  const moves = renderTemplate("table", {
    caption: "Recent phase moves, newest first.",
    head: ["When", "Feature", "From", "To"],
    rows: snapshot.recentMoves
      .slice(0, 50)
      .map((m) => [
        { text: m.at.slice(0, 10) },
        { text: m.title, href: `${site.root}${featurePath(m.repo, m.number)}`, wide: true },
        { text: phaseName(snapshot, m.from, m.journey) },
        { text: phaseName(snapshot, m.to, m.journey) },
      ]),
  });
  const digests = linkList(
    snapshot.digests.map((d) => ({
      text: d.title,
      href: safeHref(d.url),
      note: d.at.slice(0, 10),
    })),
    "No digest posted yet.",
  );
  const body = [
    section("Released", released),
    section("Recent moves", moves),
    section("Digest archive", digests),
  ].join("");
  return layoutPage(site, snapshot, "history", PAGES.history.title, body);
}

export function featurePage(site: Site, snapshot: DashboardSnapshot, f: SnapshotFeature): string {
  const steps = featureTimeline(snapshot, f);
  const facts = renderTemplate("table", {
    caption: `${ref(f)} on GitHub`,
    head: ["What", "Value"],
    rows: [
      [{ text: "Issue" }, { text: ref(f), href: safeHref(f.url) }],
      [{ text: "Phase" }, { text: phaseName(snapshot, f.phase, f.journey) }],
      [{ text: "Lead" }, { text: f.lead ?? "—" }],
      [{ text: "Squad size" }, { text: String(f.squadSize) }],
      [{ text: "Demand" }, { text: `${f.demand} (${f.thumbsUp} 👍, ${f.interested} interested)` }],
      [{ text: "Days in phase" }, { text: f.daysInPhase === null ? "—" : String(f.daysInPhase) }],
      [{ text: "Target" }, { text: f.target ?? "—" }],
      [{ text: "Blocked" }, { text: f.blocked === null ? "no" : f.blocked || "yes" }],
      [{ text: "Labels" }, { text: f.labels.join(", ") || "—", wide: true }],
    ],
  });
  const timeline = renderTemplate("chart", {
    svg: phaseTimeline(steps, `Phases of ${ref(f)} over time`),
    caption: steps.map((s) => `${s.name} from ${s.from.slice(0, 10)}`).join(", "),
  });
  const links = linkList(
    Object.entries(f.links).map(([kind, url]) => ({ text: kind, href: safeHref(url), note: url })),
    "No links on the card.",
  );
  const related = linkList(
    f.related.map((r) => ({ text: `${ref(r)} ${r.title}`, href: safeHref(r.url), note: r.state })),
    "None found.",
  );
  const body = [
    facts,
    section("Timeline", timeline),
    section("Links", links),
    section("Raised before?", related),
  ].join("");
  return layoutPage(site, snapshot, null, f.title, body);
}
