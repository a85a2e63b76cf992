/** The roadmap planners, pure: board lookups, field writes, and board moves as triggers. */
import { describe, expect, it } from "vitest";
import { type Config, configSchema, resolveConfig } from "../../src/config/schema.js";
import { encodeMarker } from "../../src/core/markers.js";
import { type BoardLookup, resolveBoard } from "../../src/features/roadmap/board.js";
import { type BoardEvent, boardTrigger } from "../../src/features/roadmap/board-move.js";
import { planRoadmap, startDate } from "../../src/features/roadmap/plan.js";
import { CARD_MARKER, type FeatureState, newFeatureState } from "../../src/features/squad/state.js";
import { enterPhase } from "../../src/features/squad/transitions.js";
import type {
  IssueSnapshot,
  ProjectItemSnapshot,
  ProjectSnapshot,
} from "../../src/github/types.js";
import { templates } from "../support/templates.js";

const config: Config = resolveConfig(
  configSchema.parse({
    preset: "cht",
    phases: [
      { id: "emerging", name: "Emerging" },
      { id: "design", name: "Design" },
      { id: "building", name: "Building" },
      { id: "review", name: "Review" },
      { id: "done", name: "Done" },
    ],
    roadmap: {
      project: { org: "medic", number: 112 },
      field: "Stage",
      options: {
        emerging: "Emerging",
        design: "Emerging",
        building: "Active",
        review: "Active",
        done: "Winding Down",
      },
      dates: { target: "Target", start: "Start" },
    },
  }),
);
const roadmap =
  config.roadmap ??
  (() => {
    throw new Error("roadmap expected");
  })();

const PROJECT: ProjectSnapshot = {
  id: "PVT_1",
  title: "Roadmap",
  canUpdate: true,
  fields: {
    Stage: {
      type: "singleSelect",
      id: "F_stage",
      name: "Stage",
      options: [
        { id: "o_em", name: "Emerging" },
        { id: "o_ac", name: "Active" },
        { id: "o_wd", name: "Winding Down" },
      ],
    },
    Target: { type: "date", id: "F_target", name: "Target" },
    Start: { type: "date", id: "F_start", name: "Start" },
  },
};
const board = resolveBoard(roadmap, PROJECT, templates);

function item(stage: string | null, extra: Partial<ProjectItemSnapshot["fields"]> = {}) {
  const option =
    PROJECT.fields.Stage?.type === "singleSelect"
      ? PROJECT.fields.Stage.options.find((o) => o.name === stage)
      : undefined;
  return {
    id: "PVTI_1",
    project: { id: "PVT_1", number: 112, org: "medic" },
    archived: false,
    fields: {
      Stage: option
        ? { type: "singleSelect" as const, optionId: option.id, name: option.name }
        : null,
      Target: null,
      Start: null,
      ...extra,
    },
  };
}

function state(phases: string[], extra: Partial<FeatureState> = {}): FeatureState {
  let s = newFeatureState(phases[0] ?? "emerging", "2026-01-05T09:00:00Z", "amina", "recognition");
  for (const [index, id] of phases.slice(1).entries()) {
    const phase = config.phases.find((p) => p.id === id);
    if (!phase) throw new Error(id);
    const entry = { at: `2026-02-0${index + 1}T10:00:00Z`, by: "amina", via: "label" as const };
    s = enterPhase(s, phase, entry, config);
  }
  return { ...s, ...extra };
}

const plan = (s: FeatureState, items: ProjectItemSnapshot[], lookup: BoardLookup = board) =>
  planRoadmap({ config, roadmap, board: lookup, items, state: s, templates });

const ops = (s: FeatureState, items: ProjectItemSnapshot[], lookup?: BoardLookup) =>
  plan(s, items, lookup).actions.map((a) =>
    a.type === "setProjectField" ? `${a.field}=${JSON.stringify(a.value)}@${a.itemId}` : a.type,
  );

describe("planRoadmap", () => {
  it.each([
    [
      "a new feature is added with its option",
      state(["emerging"]),
      [],
      ["addProjectItem", 'Stage={"singleSelectOptionId":"o_em"}@null'],
    ],
    ["an item already right needs nothing", state(["emerging"]), [item("Emerging")], []],
    [
      "a many-to-one move within an option writes only the start date",
      state(["emerging", "design"]),
      [item("Emerging")],
      ['Start={"date":"2026-02-01"}@PVTI_1'],
    ],
    [
      "a move to another option sets it on the item",
      state(["emerging", "building"]),
      [item("Emerging", { Start: { type: "date", date: "2026-02-01" } })],
      ['Stage={"singleSelectOptionId":"o_ac"}@PVTI_1'],
    ],
    [
      "the target date follows /target",
      state(["emerging"], { target: "2026-06-30" }),
      [item("Emerging")],
      ['Target={"date":"2026-06-30"}@PVTI_1'],
    ],
    [
      "a target that is not a date is not written",
      state(["emerging"], { target: "Q3" }),
      [item("Emerging")],
      [],
    ],
    [
      "an item on another board does not count",
      state(["emerging"]),
      [{ ...item("Emerging"), project: { id: "PVT_other", number: 3, org: "medic" } }],
      ["addProjectItem", 'Stage={"singleSelectOptionId":"o_em"}@null'],
    ],
  ])("%s", (_name, s, items, expected) => {
    expect(ops(s, items)).toEqual(expected);
  });

  it("does not add back an item a person removed", () => {
    const removed = state(["emerging"], {
      roadmap: { event: "removed", by: "x", at: "2026-01-06T00:00:00Z" },
    });
    expect(ops(removed, [])).toEqual([]);
    expect(plan(removed, []).notes).toHaveLength(1);
  });

  it("reports a missing option for the current phase only, and writes the rest", () => {
    const narrow = resolveBoard(
      roadmap,
      {
        ...PROJECT,
        fields: {
          ...PROJECT.fields,
          Stage: {
            type: "singleSelect",
            id: "F_stage",
            name: "Stage",
            options: [{ id: "o_em", name: "Emerging" }],
          },
        },
      },
      templates,
    );
    expect(plan(state(["emerging"]), [item("Emerging")], narrow).problems).toEqual([]);
    const done = plan(state(["emerging", "done"]), [item("Emerging")], narrow);
    expect(done.problems).toEqual([expect.stringContaining("no option “Winding Down”")]);
    expect(done.actions).toHaveLength(1);
  });

  it("writes nothing and says why when the board is read-only or missing", () => {
    const readOnly = resolveBoard(roadmap, { ...PROJECT, canUpdate: false }, templates);
    expect(plan(state(["emerging"]), [], readOnly)).toMatchObject({
      actions: [],
      problems: [expect.stringContaining("read but not change")],
    });
    const missing: BoardLookup = { ok: false, problem: "gone" };
    expect(plan(state(["emerging"]), [], missing)).toEqual({
      actions: [],
      problems: ["gone"],
      notes: [],
    });
  });

  it("knows the start date as the day the feature left its first phase", () => {
    expect(startDate(config, state(["emerging"]))).toBeNull();
    expect(startDate(config, state(["emerging", "design", "building"]))).toBe("2026-02-01");
  });
});

describe("resolveBoard", () => {
  it("names missing and wrongly typed fields, with how to fix them", () => {
    const lookup = resolveBoard(
      roadmap,
      {
        ...PROJECT,
        fields: {
          Stage: { type: "other", id: "F", name: "Stage", dataType: "TEXT" },
          Target: null,
          Start: { type: "date", id: "F_s", name: "Start" },
        },
      },
      templates,
    );
    if (!lookup.ok) throw new Error("board expected");
    expect(lookup.board.stage).toBeNull();
    expect(lookup.board.dates).toEqual({ start: "F_s" });
    expect(lookup.board.problems).toEqual([
      expect.stringContaining("not a single-select field"),
      expect.stringContaining("no date field “Target”"),
    ]);
  });
});

describe("boardTrigger", () => {
  function issueWith(s: FeatureState | null, items: ProjectItemSnapshot[]): IssueSnapshot {
    const card = s
      ? [
          {
            id: "IC_1",
            databaseId: 1,
            author: "squad-bot[bot]",
            byThisApp: true,
            body: encodeMarker(CARD_MARKER, s),
            createdAt: "2026-01-05T09:00:00Z",
          },
        ]
      : [];
    return {
      id: "I_1",
      ref: { owner: "medic", repo: "cht-core", number: 1 },
      repositoryId: "R_1",
      title: "t",
      body: "",
      state: "open",
      author: "a",
      createdAt: "2026-01-05T09:00:00Z",
      url: "https://github.com/medic/cht-core/issues/1",
      labels: [],
      repoLabels: [],
      comments: card,
      thumbsUp: 0,
      projectItems: items,
    };
  }
  const trigger = (event: BoardEvent, s: FeatureState | null, items: ProjectItemSnapshot[]) =>
    boardTrigger({
      config,
      roadmap,
      issue: issueWith(s, items),
      projectId: "PVT_1",
      event,
      actor: "olga",
    });

  it.each([
    ["archived", { kind: "projectItem", event: "archived", actor: "olga" }],
    ["restored", { kind: "projectItem", event: "restored", actor: "olga" }],
    ["deleted", { kind: "projectItem", event: "removed", actor: "olga" }],
    ["created", { kind: "projectItem", event: "added", actor: "olga" }],
  ] as const)("%s is an item event", (event, expected) => {
    expect(trigger(event, state(["emerging"]), [item("Emerging")])).toEqual(expected);
  });

  it.each([
    [
      "a move to an option holding the current phase",
      ["emerging", "design"],
      "Emerging",
      { kind: "reconcile", actor: "olga" },
    ],
    [
      "a move to another option enters its first phase",
      ["emerging", "design", "building", "review"],
      "Emerging",
      { kind: "project", phase: "emerging", actor: "olga" },
    ],
    [
      "Active from Emerging enters Building",
      ["emerging"],
      "Active",
      { kind: "project", phase: "building", actor: "olga" },
    ],
    ["a cleared field is no move", ["emerging"], null, { kind: "reconcile", actor: "olga" }],
  ] as const)("%s", (_name, phases, option, expected) => {
    expect(trigger("edited", state([...phases]), [item(option)])).toEqual(expected);
  });

  it("a converted draft with a stage starts a feature in that stage", () => {
    expect(trigger("converted", null, [item("Winding Down")])).toEqual({
      kind: "project",
      phase: "done",
      actor: "olga",
    });
  });
});
