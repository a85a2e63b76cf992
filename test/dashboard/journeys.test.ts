/** Several journeys on the dashboard: the collector records each feature's journey, the overview groups by it. */
import { describe, expect, it } from "vitest";
import { SnapshotCollector } from "../../src/features/dashboard/collect.js";
import { dashboardConfigSchema } from "../../src/features/dashboard/config.js";
import type { DigestIssue } from "../../src/features/digest/source.js";
import { renderPath } from "../../src/web/site-pages.js";
import { overviewModel, parseFilters } from "../../src/web/view-models.js";
import { cardState, MONDAY } from "../digest/fixtures.js";
import { presetConfig } from "../support/config.js";
import { snapshot } from "./fixture.js";

const config = presetConfig({
  journeys: [
    { label: "journey: implementation", preset: "cht-implementation", name: "Implementations" },
  ],
});
const settings = dashboardConfigSchema.parse({});
const repo = { owner: "acme", repo: "widgets" };

function issue(number: number, labels: string[], phase: string): DigestIssue {
  return {
    repo,
    number,
    title: `Issue ${number} <b>`,
    url: `https://github.com/acme/widgets/issues/${number}`,
    state: "open",
    createdAt: "2026-09-01T10:00:00Z",
    updatedAt: "2026-09-02T10:00:00Z",
    closedAt: null,
    labels,
    thumbsUp: 1,
    // A lead alone before the release: a squad that seeks members.
    card: cardState({
      title: "",
      history: [[phase, "2026-09-01T10:00:00Z", "squad-bot[bot]"]],
      lead: "lena",
    }),
  };
}

function collected() {
  const collector = new SnapshotCollector(config, settings, new Date(MONDAY), () => false, null);
  collector.add(issue(1, ["journey: implementation", "stage: planning"], "planning"));
  // `building` is a phase id of both journeys: the label decides the board.
  collector.add(issue(2, ["journey: implementation", "stage: building"], "building"));
  collector.add(issue(3, ["phase: building"], "building"));
  const phaseOf = (p: { id: string; name: string; optional: boolean }) => ({
    id: p.id,
    name: p.name,
    optional: p.optional,
  });
  return snapshot(collector.result().features, {
    phases: config.phases.map(phaseOf),
    journeys: config.journeys.map((j) => ({
      id: j.id,
      name: j.name,
      phases: j.phases.map(phaseOf),
    })),
  });
}

describe("dashboard journeys", () => {
  it("reads every journey's labels", () => {
    const { labels } = SnapshotCollector.query(config, settings, new Date(MONDAY), null);
    expect(labels).toEqual(
      expect.arrayContaining(["phase: building", "journey: implementation", "stage: planning"]),
    );
  });

  it("records the journey of a feature outside the repository's own, and only its flags", () => {
    const byNumber = new Map(collected().features.map((f) => [f.number, f]));
    expect(byNumber.get(1)).toMatchObject({ journey: "cht-implementation", phase: "planning" });
    expect(byNumber.get(2)).toMatchObject({ journey: "cht-implementation", phase: "building" });
    expect(byNumber.get(3)?.journey).toBeUndefined();
    expect(byNumber.get(3)?.phase).toBe("building");
    // Stalled, release and seeking speak of the repository's own phases.
    expect(byNumber.get(1)?.seekingMembers).toBe(false);
    expect(byNumber.get(3)?.seekingMembers).toBe(true);
  });

  it("shows an implementation in the Implementations board under its stage, a squad in the main board", () => {
    const snap = collected();
    const model = overviewModel(snap, parseFilters(new URLSearchParams(), snap));
    const numbers = (columns: typeof model.columns, id: string) =>
      columns.find((c) => c.id === id)?.features.map((f) => f.number);
    expect(numbers(model.columns, "building")).toEqual([3]);
    expect(model.columns.flatMap((c) => c.features).map((f) => f.number)).toEqual([3]);
    expect(model.journeys.map((b) => b.journey)).toEqual([
      { id: "cht-implementation", name: "Implementations" },
    ]);
    const board = model.journeys[0]?.columns ?? [];
    expect(numbers(board, "cht-implementation.planning")).toEqual([1]);
    expect(numbers(board, "cht-implementation.building")).toEqual([2]);
    expect(model.shown).toBe(3);

    const filtered = parseFilters(new URLSearchParams("phase=cht-implementation.planning"), snap);
    const one = overviewModel(snap, filtered);
    expect(one.columns).toEqual([]);
    expect(one.journeys[0]?.columns.map((c) => c.features.map((f) => f.number))).toEqual([[1]]);
    expect(one.phases).toContainEqual({
      id: "cht-implementation.planning",
      name: "Implementations: Planning",
    });
  });

  it("renders the journey's board with its heading, and a feature's page with its stage", () => {
    const snap = collected();
    const site = { root: "/dashboard/", sections: snap.sections, served: true };
    const overview = renderPath(site, snap, "", new URLSearchParams())?.body ?? "";
    expect(overview).toContain('<h2 id="journey-cht-implementation">Implementations</h2>');
    expect(overview).toContain('<h3 id="phase-cht-implementation.planning">Planning');
    expect(overview).toContain("Issue 1 &lt;b&gt;");
    expect(overview).not.toContain("Issue 1 <b>");
    const page =
      renderPath(site, snap, "feature/acme/widgets/1/", new URLSearchParams())?.body ?? "";
    expect(page).toContain("<td><bdi>Planning</bdi></td>");
  });
});
