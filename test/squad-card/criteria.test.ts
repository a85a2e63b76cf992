/** Entry criteria: evaluation of each kind, the issue-body checklist, and what a move must meet. */
import { describe, expect, it } from "vitest";
import type { Criterion } from "../../src/config/schema.js";
import {
  checklistProgress,
  criteriaForEntering,
  evaluateCriteria,
} from "../../src/features/squad/criteria.js";
import type { FeatureState } from "../../src/features/squad/state.js";
import { templates } from "../support/templates.js";
import { entry, makeConfig, makeState } from "./fixtures.js";

function one(
  criterion: Criterion,
  state: FeatureState,
  issueBody = "",
  /** Undefined: judging the phase the feature is in; null or text: a move being planned. */
  transitionNote?: string | null,
) {
  const [result] = evaluateCriteria([criterion], {
    templates,
    state,
    issueBody,
    ...(transitionNote !== undefined ? { transitionNote } : {}),
  });
  if (!result) throw new Error("no result");
  return result;
}

describe("evaluateCriteria", () => {
  it.each<[string, Criterion, Partial<FeatureState>, boolean, string]>([
    ["lead missing", { type: "lead" }, {}, false, "A squad lead is named"],
    ["lead named", { type: "lead" }, { lead: "amina" }, true, "A squad lead is named"],
    ["scope missing", { type: "link", kind: "scope" }, {}, false, "The scope of work is linked"],
    [
      "other link only",
      { type: "link", kind: "scope" },
      { links: { board: "https://github.com/orgs/medic/projects/112" } },
      false,
      "The scope of work is linked",
    ],
    [
      "scope linked",
      { type: "link", kind: "scope" },
      { links: { scope: "https://docs.example.org/scope" } },
      true,
      "The scope of work is linked",
    ],
    ["no target", { type: "target" }, {}, false, "A target date is set"],
    ["target", { type: "target" }, { target: "2026-06-30" }, true, "A target date is set"],
    [
      "too few members",
      { type: "members", min: 2 },
      { members: ["amina"] },
      false,
      "At least 2 squad members (1 so far)",
    ],
    [
      "enough members",
      { type: "members", min: 2 },
      { members: ["amina", "jkuester"] },
      true,
      "At least 2 squad members (2 so far)",
    ],
    [
      "one member wanted",
      { type: "members", min: 1 },
      {},
      false,
      "At least 1 squad member (0 so far)",
    ],
  ])("%s", (_name, criterion, state, met, text) => {
    const result = one(criterion, makeState(state));
    expect(result).toMatchObject({ criterion, met, text });
    expect(result.fix).not.toBe("");
  });

  it("tells how to meet each kind", () => {
    const state = makeState();
    expect(one({ type: "lead" }, state).fix).toBe("Comment `/lead @someone`");
    expect(one({ type: "link", kind: "board" }, state).fix).toBe("Comment `/link board <url>`");
    expect(one({ type: "target" }, state).fix).toBe("Comment `/target YYYY-MM-DD`");
  });

  describe("reason", () => {
    const reason: Criterion = { type: "reason" };
    const moved = (note?: string) =>
      makeState({
        history: [
          entry("building", "2026-01-05T09:00:00Z", { note: "an old note of another phase" }),
          entry("sunset", "2026-02-01T09:00:00Z", note === undefined ? {} : { note }),
        ],
      });

    it.each<[string, FeatureState, string | undefined, boolean]>([
      ["no note anywhere for the current phase", moved(), undefined, false],
      ["blank note", moved("   "), undefined, false],
      ["note on the latest entry", moved("nobody uses it"), undefined, true],
      ["note given with the move being planned", moved(), "nobody uses it", true],
      ["blank transition note", moved(), "  ", false],
    ])("%s", (_name, state, transitionNote, met) => {
      expect(one(reason, state, "", transitionNote).met).toBe(met);
    });

    it("a move needs its own reason: the note of the phase it leaves does not count", () => {
      const inBuilding = makeState({
        phase: "building",
        history: [entry("building", "2026-01-05T09:00:00Z", { note: "scope agreed" })],
      });
      expect(one(reason, inBuilding, "", null).met).toBe(false);
      expect(one(reason, inBuilding, "", "nobody uses it").met).toBe(true);
    });

    it("looks at the latest stay in the current phase, not an earlier one", () => {
      const state = makeState({
        history: [
          entry("sunset", "2026-01-01T00:00:00Z", { note: "first time" }),
          entry("measure", "2026-01-10T00:00:00Z"),
          entry("sunset", "2026-02-01T00:00:00Z"),
        ],
      });
      expect(one(reason, state).met).toBe(false);
    });
  });

  it("keeps the order of the criteria", () => {
    const results = evaluateCriteria([{ type: "target" }, { type: "lead" }], {
      templates,
      state: makeState({ lead: "amina" }),
      issueBody: "",
    });
    expect(results.map((r) => [r.criterion.type, r.met])).toEqual([
      ["target", false],
      ["lead", true],
    ]);
  });
});

describe("checklist", () => {
  const criterion: Criterion = { type: "checklist", heading: "Acceptance criteria" };

  it.each<[string, string, { found: boolean; checked: number; total: number }]>([
    ["no heading", "Just some text\n- [x] done", { found: false, checked: 0, total: 0 }],
    [
      "heading without items",
      "## Acceptance criteria\nTo be written.",
      { found: true, checked: 0, total: 0 },
    ],
    [
      "all checked, mixed markers and case",
      "## Acceptance criteria\n- [x] one\n* [X] two\n+ [x] three\n1. [x] four",
      { found: true, checked: 4, total: 4 },
    ],
    [
      "some unchecked",
      "### Acceptance Criteria:\n- [x] one\n- [ ] two\n- [x] three\n- [ ] four\n- [x] five",
      { found: true, checked: 3, total: 5 },
    ],
    [
      "nested items count",
      "## Acceptance criteria\n- [x] parent\n  - [ ] child\n    - [x] grandchild",
      { found: true, checked: 2, total: 3 },
    ],
    [
      "deeper subheadings stay in the section",
      "## Acceptance criteria\n- [x] a\n### Offline\n- [ ] b\n## Notes\n- [ ] not counted",
      { found: true, checked: 1, total: 2 },
    ],
    [
      "a same-level heading ends the section",
      "## Acceptance criteria\n- [x] a\n## Out of scope\n- [ ] b",
      { found: true, checked: 1, total: 1 },
    ],
    [
      "a higher heading ends the section",
      "### Acceptance criteria\n- [x] a\n# Appendix\n- [ ] b",
      { found: true, checked: 1, total: 1 },
    ],
    [
      "headings of any level, closing hashes, emphasis",
      "#### **Acceptance criteria** ####\n- [x] a",
      { found: true, checked: 1, total: 1 },
    ],
    [
      "Windows line endings",
      "## Acceptance criteria\r\n- [x] a\r\n- [ ] b\r\n",
      { found: true, checked: 1, total: 2 },
    ],
    [
      "items before the heading do not count",
      "- [ ] elsewhere\n# Acceptance criteria\n- [x] a",
      { found: true, checked: 1, total: 1 },
    ],
    [
      "plain list items and links are not tasks",
      "## Acceptance criteria\n- plain\n- [link](https://x.org)\n- [x] real\n-[x] no space",
      { found: true, checked: 1, total: 1 },
    ],
    [
      "template comments and code blocks are not rendered",
      "## Acceptance criteria\n<!--\n- [ ] example\n-->\n```md\n## Other\n- [ ] code\n```\n- [x] a",
      { found: true, checked: 1, total: 1 },
    ],
    [
      "a fence with an info string does not close a fence",
      "## Acceptance criteria\n- [x] a\n~~~\n- [ ] in code\n~~~md\n- [ ] still code\n~~~\n- [x] b",
      { found: true, checked: 2, total: 2 },
    ],
    [
      "a heading inside a code block is no heading",
      "```\n## Acceptance criteria\n- [ ] x\n```\nText",
      { found: false, checked: 0, total: 0 },
    ],
    [
      "#hashtag is not a heading",
      "#Acceptance criteria\n- [x] a",
      { found: false, checked: 0, total: 0 },
    ],
    [
      "the first matching heading wins",
      "## Acceptance criteria\n- [ ] a\n## Acceptance criteria\n- [x] b",
      { found: true, checked: 0, total: 1 },
    ],
  ])("%s", (_name, body, progress) => {
    expect(checklistProgress(body, "Acceptance criteria")).toEqual(progress);
  });

  it("says how many are checked", () => {
    const body = "### Acceptance criteria\n- [x] a\n- [ ] b\n- [x] c\n- [ ] d\n- [x] e";
    const result = one(criterion, makeState(), body);
    expect(result.met).toBe(false);
    expect(result.text).toBe("3 of 5 acceptance criteria checked");
    expect(result.fix).toContain("Acceptance criteria");
  });

  it("is met when every item is checked", () => {
    const result = one(criterion, makeState(), "## Acceptance criteria:\n- [x] a\n  - [X] b");
    expect(result).toMatchObject({ met: true, text: "2 of 2 acceptance criteria checked" });
  });

  it("is unmet without a section or without items, and says which", () => {
    const missing = one(criterion, makeState(), "## Description\nnothing");
    const empty = one(criterion, makeState(), "## Acceptance criteria\nTBD");
    expect(missing.met).toBe(false);
    expect(empty.met).toBe(false);
    expect(missing.text).not.toBe(empty.text);
    expect(missing.fix).toContain("`- [ ] …`");
  });

  it("matches a configured heading with a trailing colon", () => {
    const colon: Criterion = { type: "checklist", heading: "Definition of done:" };
    expect(one(colon, makeState(), "## Definition of Done\n- [x] a").met).toBe(true);
  });
});

describe("criteriaForEntering", () => {
  const config = makeConfig();

  it.each<[string, string, string, Criterion[]]>([
    ["next phase: its own criteria", "inception", "convergence", [{ type: "lead" }]],
    [
      "skipping ahead accumulates every phase entered, deduplicated",
      "inception",
      "testing",
      [
        { type: "lead" },
        { type: "link", kind: "scope" },
        { type: "members", min: 2 },
        { type: "checklist", heading: "Acceptance criteria" },
      ],
    ],
    [
      "the strictest member count wins",
      "convergence",
      "release",
      [
        { type: "lead" },
        { type: "link", kind: "scope" },
        { type: "members", min: 3 },
        { type: "checklist", heading: "Acceptance criteria" },
        { type: "target" },
      ],
    ],
    ["backward needs nothing", "testing", "building", []],
    ["staying needs nothing", "building", "building", []],
    ["an optional phase needs only its own", "building", "sunset", [{ type: "reason" }]],
    ["back from an optional phase needs nothing", "sunset", "measure", []],
    ["an unknown target needs nothing", "building", "nowhere", []],
    [
      "from an unknown phase only the target's own",
      "gone",
      "release",
      [{ type: "target" }, { type: "members", min: 3 }],
    ],
  ])("%s", (_name, from, to, expected) => {
    expect(criteriaForEntering(config, from, to)).toEqual(expected);
  });

  it("skips optional phases passed over on the way", () => {
    const withMiddle = makeConfig({
      phases: [
        { id: "a", name: "A" },
        { id: "spike", name: "Spike", optional: true, entry: [{ type: "reason" }] },
        { id: "b", name: "B", entry: [{ type: "lead" }] },
      ],
    });
    expect(criteriaForEntering(withMiddle, "a", "b")).toEqual([{ type: "lead" }]);
    expect(criteriaForEntering(withMiddle, "a", "spike")).toEqual([{ type: "reason" }]);
    expect(criteriaForEntering(withMiddle, "b", "spike")).toEqual([{ type: "reason" }]);
    expect(criteriaForEntering(withMiddle, "spike", "b")).toEqual([{ type: "lead" }]);
  });

  it("treats checklist headings that differ only in case or colon as one", () => {
    const twice = makeConfig({
      phases: [
        { id: "a", name: "A" },
        { id: "b", name: "B", entry: [{ type: "checklist", heading: "Acceptance criteria" }] },
        { id: "c", name: "C", entry: [{ type: "checklist", heading: "acceptance criteria:" }] },
      ],
    });
    expect(criteriaForEntering(twice, "a", "c")).toEqual([
      { type: "checklist", heading: "Acceptance criteria" },
    ]);
  });
});
