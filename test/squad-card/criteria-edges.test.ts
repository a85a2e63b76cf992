/** Entry criteria at their edges: blank values, merged criteria of several phases, empty checklists. */
import { describe, expect, it } from "vitest";
import type { Criterion } from "../../src/config/schema.js";
import { criteriaForEntering, evaluateCriteria } from "../../src/features/squad/criteria.js";
import { templates } from "../support/templates.js";
import { makeConfig, makeState } from "./fixtures.js";

const one = (criterion: Criterion, state = makeState(), issueBody = "") => {
  const [result] = evaluateCriteria([criterion], { templates, state, issueBody });
  if (!result) throw new Error("no result");
  return result;
};

describe("blank values never meet a criterion", () => {
  it.each<[string, Criterion, Parameters<typeof makeState>[0]]>([
    ["an empty lead", { type: "lead" }, { lead: "" }],
    ["a blank link", { type: "link", kind: "scope" }, { links: { scope: "   " } }],
    ["an empty target", { type: "target" }, { target: "" }],
    ["no history at all, for a reason", { type: "reason" }, { history: [] }],
  ])("%s", (_name, criterion, state) => {
    expect(one(criterion, makeState(state)).met).toBe(false);
  });

  it("a real lead, link and target meet them, and say what they ask", () => {
    const state = makeState({
      lead: "ana",
      links: { scope: "https://x.example" },
      target: "2026-06-01",
    });
    expect(one({ type: "lead" }, state)).toMatchObject({
      met: true,
      text: "A squad lead is named",
    });
    expect(one({ type: "link", kind: "scope" }, state).met).toBe(true);
    expect(one({ type: "target" }, state)).toMatchObject({
      met: true,
      text: "A target date is set",
    });
  });
});

describe("a checklist heading", () => {
  it("is named without its trailing colon, also when the list is empty", () => {
    const result = one(
      { type: "checklist", heading: " Acceptance criteria: " },
      makeState(),
      "### Acceptance criteria\nNothing yet.",
    );
    expect(result.met).toBe(false);
    expect(result.text).toBe("“Acceptance criteria” lists at least one task-list item");
  });

  it("keeps a colon inside the heading's name", () => {
    const result = one(
      { type: "checklist", heading: "Scope: MVP:" },
      makeState(),
      "### Scope: MVP\nNothing yet.",
    );
    expect(result.text).toBe("“Scope: MVP” lists at least one task-list item");
  });
});

describe("criteria of several phases entered at once", () => {
  const config = makeConfig({
    phases: [
      { id: "a", name: "A" },
      {
        id: "b",
        name: "B",
        entry: [
          { type: "members", min: 3 },
          { type: "link", kind: "scope" },
          { type: "checklist", heading: "Acceptance criteria" },
        ],
      },
      {
        id: "c",
        name: "C",
        entry: [
          { type: "members", min: 1 },
          { type: "link", kind: "board" },
          { type: "checklist", heading: "acceptance criteria:" },
          { type: "checklist", heading: "Rollout" },
        ],
      },
      { id: "d", name: "D", entry: [{ type: "members", min: 5 }] },
    ],
  });

  it("keep the strictest member minimum, every link kind, and each checklist once", () => {
    expect(criteriaForEntering(config, "a", "c")).toEqual([
      { type: "members", min: 3 },
      { type: "link", kind: "scope" },
      { type: "checklist", heading: "Acceptance criteria" },
      { type: "link", kind: "board" },
      { type: "checklist", heading: "Rollout" },
    ]);
    expect(criteriaForEntering(config, "a", "d")[0]).toEqual({ type: "members", min: 5 });
  });

  it("ask nothing to stay or to go back", () => {
    expect(criteriaForEntering(config, "c", "c")).toEqual([]);
    expect(criteriaForEntering(config, "c", "b")).toEqual([]);
  });
});
