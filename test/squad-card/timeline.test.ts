/** Phase spans from the history, and the Mermaid gantt chart drawn from them. */
import { describe, expect, it } from "vitest";
import { ganttTaskName, mermaidTimeline, phaseSpans } from "../../src/features/squad/timeline.js";
import { entry, makeConfig, makeState } from "./fixtures.js";

const NOW = new Date("2026-03-10T12:00:00Z");
const config = makeConfig();

function spansOf(...history: [string, string][]) {
  const state = makeState({ history: history.map(([phase, at]) => entry(phase, at)) });
  return phaseSpans(state, NOW).map(({ phase, from, to, days }) => ({ phase, from, to, days }));
}

describe("phaseSpans", () => {
  it("gives one open span for a fresh feature", () => {
    expect(spansOf(["inception", "2026-03-01T08:00:00Z"])).toEqual([
      { phase: "inception", from: "2026-03-01T08:00:00Z", to: null, days: 9 },
    ]);
  });

  it("closes each span when the next phase starts, and counts calendar days", () => {
    expect(
      spansOf(
        ["inception", "2026-01-05T09:00:00Z"],
        ["convergence", "2026-01-12T17:00:00Z"],
        ["building", "2026-01-12T18:00:00Z"],
      ),
    ).toEqual([
      { phase: "inception", from: "2026-01-05T09:00:00Z", to: "2026-01-12T17:00:00Z", days: 7 },
      { phase: "convergence", from: "2026-01-12T17:00:00Z", to: "2026-01-12T18:00:00Z", days: 0 },
      { phase: "building", from: "2026-01-12T18:00:00Z", to: null, days: 57 },
    ]);
  });

  it("gives a recurring phase a span per stay", () => {
    const spans = spansOf(
      ["building", "2026-01-01T00:00:00Z"],
      ["testing", "2026-01-20T00:00:00Z"],
      ["building", "2026-02-01T00:00:00Z"],
    );
    expect(spans.map((s) => [s.phase, s.days])).toEqual([
      ["building", 19],
      ["testing", 12],
      ["building", 37],
    ]);
  });

  it("merges consecutive entries of one phase into one stay", () => {
    const spans = spansOf(
      ["building", "2026-01-01T00:00:00Z"],
      ["building", "2026-01-03T00:00:00Z"],
      ["testing", "2026-01-10T00:00:00Z"],
    );
    expect(spans.map((s) => [s.phase, s.from, s.days])).toEqual([
      ["building", "2026-01-01T00:00:00Z", 9],
      ["testing", "2026-01-10T00:00:00Z", 59],
    ]);
  });

  it("leaves out unreadable times and never counts negative days", () => {
    const spans = spansOf(
      ["inception", "2026-02-01T00:00:00Z"],
      ["convergence", "not a date"],
      ["building", "2026-01-01T00:00:00Z"],
    );
    expect(spans.map((s) => [s.phase, s.days])).toEqual([
      ["inception", 0],
      ["building", 68],
    ]);
  });

  it("keeps the entry that opened each span", () => {
    const state = makeState({
      history: [
        entry("inception", "2026-01-01T00:00:00Z", { by: "bob", via: "label", note: "hi" }),
      ],
    });
    expect(phaseSpans(state, NOW)[0]?.entry).toMatchObject({ by: "bob", via: "label", note: "hi" });
  });
});

describe("mermaidTimeline", () => {
  const spans = phaseSpans(
    makeState({
      history: [
        entry("inception", "2026-01-05T09:00:00Z"),
        entry("convergence", "2026-01-19T10:00:00Z"),
        entry("building", "2026-01-19T11:00:00Z"),
      ],
    }),
    NOW,
  );

  it("draws done bars for past stays and an active bar for the current one", () => {
    expect(mermaidTimeline(spans, config.phases, NOW)).toBe(
      [
        "```mermaid",
        "gantt",
        "  dateFormat YYYY-MM-DD",
        "  axisFormat %b %d",
        "  Inception :done, p0, 2026-01-05, 14d",
        "  Convergence :done, p1, 2026-01-19, 1d",
        "  Building :active, p2, 2026-01-19, 50d",
        "```",
      ].join("\n"),
    );
  });

  it("draws a current phase entered today one day long", () => {
    const today = phaseSpans(makeState({ history: [entry("testing", NOW.toISOString())] }), NOW);
    expect(mermaidTimeline(today, config.phases, NOW)).toContain(
      "Testing :active, p0, 2026-03-10, 1d",
    );
  });

  it("falls back to the phase id for a phase no longer configured", () => {
    const gone = phaseSpans(makeState({ history: [entry("design-review", "2026-03-01")] }), NOW);
    expect(mermaidTimeline(gone, config.phases, NOW)).toContain("  design-review :active, p0,");
  });

  it("is empty without spans", () => {
    expect(mermaidTimeline([], config.phases, NOW)).toBe("");
  });

  it("keeps every task line one task whatever the phase is called", () => {
    const hostile = makeConfig({
      phases: [
        { id: "a", name: "Review: part 1; #2 `code` %%{init}%% <b>x</b>", label: "phase: a" },
        { id: "b", name: "Title of the phase" },
        { id: "c", name: "Call for participants" },
        { id: "d", name: "2026-01-01 launch" },
      ],
    });
    const state = makeState({
      history: ["a", "b", "c", "d"].map((id, i) => entry(id, `2026-01-0${i + 1}T00:00:00Z`)),
    });
    const chart = mermaidTimeline(phaseSpans(state, NOW), hostile.phases, NOW);
    const tasks = chart.split("\n").slice(4, -1);
    expect(tasks).toHaveLength(4);
    for (const task of tasks) {
      const raw = task.replace(/#\d+;/g, "");
      expect(raw).toMatch(/^ {2}[^:;#%`<>{}\n]+ :(done|active), p\d, \d{4}-\d\d-\d\d, \d+d$/);
    }
    expect(chart.match(/```/g)).toHaveLength(2);
  });
});

describe("ganttTaskName", () => {
  it.each([
    ["Building", "Building"],
    ["Measure/Sunset", "Measure/Sunset"],
    ["a:b;c#d`e\nf", "a#58;b#59;c#35;d#96;e f"],
    ["Requirements & Design: v2", "Requirements & Design#58; v2"],
    ["   ", "phase"],
    ["section two", "\u200bsection two"],
    ["GANTT review", "\u200bGANTT review"],
    ["Clickable", "Clickable"],
    ["click here", "\u200bclick here"],
  ])("%j → %j", (name, expected) => {
    expect(ganttTaskName(name)).toBe(expected);
  });
});
