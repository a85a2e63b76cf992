/** Moves that name their phase: a board move and a release; and what moves nothing. */
import { describe, expect, it } from "vitest";
import { planSquad, type Trigger } from "../../src/features/squad/plan.js";
import { newFeatureState } from "../../src/features/squad/state.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";
import { of, withCard } from "./plan-support.js";

const config = presetConfig();
const now = new Date("2026-03-01T12:00:00Z");
const testing = {
  ...newFeatureState("testing", "2026-02-01T00:00:00Z", "mo", "label"),
  interested: ["ada"],
};
const planFor = (trigger: Trigger) =>
  planSquad({ templates, config, issue: withCard(testing, ["phase: testing"]), trigger, now });

describe("moves that name their phase", () => {
  it("a release moves a feature in Testing to Release, recorded as a release", () => {
    const plan = planFor({ kind: "release", phase: "release", actor: "rel" });
    expect(plan.state?.phase).toBe("release");
    expect(plan.state?.history.at(-1)).toMatchObject({
      phase: "release",
      by: "rel",
      via: "release",
    });
    expect(plan.transitions).toEqual([
      { from: "testing", to: "release", by: "rel", via: "release" },
    ]);
    expect(of(plan.actions, "addLabels")).toEqual([
      { type: "addLabels", labels: ["phase: release"] },
    ]);
    expect(of(plan.actions, "removeLabels")).toEqual([
      { type: "removeLabels", labels: ["phase: testing"] },
    ]);
  });

  it("a board move to the option that holds the feature's phase changes nothing", () => {
    const plan = planFor({ kind: "project", phase: "testing", actor: "pat" });
    expect(plan.transitions).toEqual([]);
    expect(plan.state?.history).toEqual(testing.history);
    expect(of(plan.actions, "comment")).toEqual([]);
  });

  it("a squad issue's phase shows on the request's card but does not move the request", () => {
    const squad = { repo: "medic/cht-roadmap", number: 4 };
    const plan = planSquad({
      templates,
      config,
      issue: withCard({ ...testing, squad }, ["phase: testing"]),
      trigger: { kind: "squadPhase", squad, phase: "Release", actor: "lou" },
      now,
    });
    expect(plan.state).toMatchObject({ phase: "testing", squad: { ...squad, phase: "Release" } });
    expect(plan.transitions).toEqual([]);
  });
});
