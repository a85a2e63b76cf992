/**
 * The phase-change notice: planned for this event's net move, and planned again for a day after
 * an earlier event's move (so a notice lost to a failed write is still sent once), then never.
 */
import { describe, expect, it } from "vitest";
import { planSquad, type Trigger } from "../../src/features/squad/plan.js";
import type { FeatureState, HistoryEntry } from "../../src/features/squad/state.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";
import { of, withCard } from "./plan-support.js";

const config = presetConfig();
const MOVED_AT = "2026-03-01T12:00:00Z";
const reconcile: Trigger = { kind: "reconcile", actor: "amina" };

const step = (phase: string, at: string, by = "mo"): HistoryEntry => ({
  phase,
  at,
  by,
  via: "label",
});

function feature(history: HistoryEntry[]): FeatureState {
  const last = history[history.length - 1] as HistoryEntry;
  return {
    v: 1,
    phase: last.phase,
    history,
    lead: "lou",
    members: ["kim"],
    interested: ["ada"],
    links: {},
    target: null,
    blocked: null,
    labelRemovedBy: null,
    handled: [],
    // What the move's own event recorded: who followed then.
    notice: { key: `transition:${history.length}`, recipients: ["lou", "kim", "ada"] },
  };
}

function noticesAt(
  now: string,
  history: HistoryEntry[],
  trigger = reconcile,
  cfg = config,
  state = feature(history),
) {
  const label = cfg.phases.find((p) => p.id === state.phase)?.label;
  const plan = planSquad({
    templates,
    config: cfg,
    issue: withCard(state, label ? [label] : []),
    trigger,
    now: new Date(now),
  });
  return of(plan.actions, "comment");
}

const movedToConvergence = [
  step("inception", "2026-02-01T09:00:00Z", "amina"),
  step("convergence", MOVED_AT, "mo"),
];

describe("the notice for a move an earlier event made", () => {
  it("is planned again within a day, with the move's phases, mover and people", () => {
    const [notice] = noticesAt("2026-03-01T13:00:00Z", movedToConvergence);
    expect(notice?.key).toBe("transition:2");
    expect(notice?.body).toContain("moved from **Inception** to **Convergence**");
    expect(notice?.body).toContain("[mo](https://github.com/mo)");
    expect(notice?.body.match(/@[\w-]+/g)).toEqual(["@lou", "@kim", "@ada"]);
  });

  it("is planned until exactly one day has passed, and not a second later", () => {
    expect(noticesAt("2026-03-02T12:00:00Z", movedToConvergence)).toHaveLength(1);
    expect(noticesAt("2026-03-02T12:00:01Z", movedToConvergence)).toEqual([]);
  });

  it("is planned for a move dated after this event's clock, which may run behind", () => {
    expect(noticesAt("2026-03-01T11:00:00Z", movedToConvergence)).toHaveLength(1);
  });

  it("shows the net move of an event that wrote several entries at once", () => {
    const history = [
      step("inception", "2026-02-01T09:00:00Z"),
      step("convergence", "2026-02-10T09:00:00Z"),
      step("building", MOVED_AT),
      step("testing", MOVED_AT),
    ];
    const [notice] = noticesAt("2026-03-01T13:00:00Z", history);
    expect(notice?.key).toBe("transition:4");
    expect(notice?.body).toContain("moved from **Convergence** to **Testing**");
  });

  it("starts the net move at the oldest entry when every entry was written at once", () => {
    const history = [step("inception", MOVED_AT), step("convergence", MOVED_AT)];
    expect(noticesAt("2026-03-01T13:00:00Z", history)).toEqual([]);
  });

  it("is not planned for an event that moved back to where it started", () => {
    const history = [
      step("inception", "2026-02-01T09:00:00Z"),
      step("convergence", MOVED_AT),
      step("inception", MOVED_AT),
    ];
    expect(noticesAt("2026-03-01T13:00:00Z", history)).toEqual([]);
  });

  it("is not planned for a feature that has not moved yet", () => {
    expect(noticesAt("2026-03-01T13:00:00Z", [step("inception", MOVED_AT)])).toEqual([]);
  });

  it("is not planned into a phase the configuration no longer has", () => {
    const history = [step("inception", "2026-02-01T09:00:00Z"), step("retired", MOVED_AT)];
    expect(noticesAt("2026-03-01T13:00:00Z", history)).toEqual([]);
  });

  it("is not planned when notifications are off", () => {
    const off = presetConfig({ notifications: { transitions: false } });
    expect(noticesAt("2026-03-01T13:00:00Z", movedToConvergence, reconcile, off)).toEqual([]);
  });
});

describe("who a retried notice names", () => {
  it("only the people who followed when the feature moved, never a later follower", () => {
    const state = { ...feature(movedToConvergence), interested: ["ada", "newcomer"] };
    const [notice] = noticesAt(
      "2026-03-01T13:00:00Z",
      movedToConvergence,
      reconcile,
      config,
      state,
    );
    expect(notice?.body.match(/@[\w-]+/g)).toEqual(["@lou", "@kim", "@ada"]);
  });

  it("nobody, when nobody followed at the move (no notice was due)", () => {
    const state = {
      ...feature(movedToConvergence),
      interested: ["newcomer"],
      notice: { key: "transition:2", recipients: [] },
    };
    expect(noticesAt("2026-03-01T13:00:00Z", movedToConvergence, reconcile, config, state)).toEqual(
      [],
    );
  });

  it("nobody, for a move the card holds no notice record of", () => {
    const { notice: _none, ...state } = feature(movedToConvergence);
    expect(noticesAt("2026-03-01T13:00:00Z", movedToConvergence, reconcile, config, state)).toEqual(
      [],
    );
  });
});

describe("the notice for this event's move", () => {
  it("names the first phase left and the last one entered", () => {
    const history = [step("inception", "2026-02-01T09:00:00Z")];
    const trigger: Trigger = { kind: "project", phase: "building", actor: "pat" };
    const [notice] = noticesAt("2026-03-05T09:00:00Z", history, trigger);
    expect(notice?.key).toBe("transition:2");
    expect(notice?.body).toContain("moved from **Inception** to **Building**");
    expect(notice?.body).toContain("[pat](https://github.com/pat)");
  });
});
