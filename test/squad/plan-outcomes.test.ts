/**
 * What a plan reports besides its actions (notes for the log and dry run, transitions for the
 * linked issues), who may bring an issue in, and the parts of the card the plan decides.
 */
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import { planSquad, type Trigger } from "../../src/features/squad/plan.js";
import { CARD_MARKER, newFeatureState } from "../../src/features/squad/state.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";
import { commandTrigger, of, withCard } from "./plan-support.js";
import { comment, issue } from "./snapshot.js";

const config = presetConfig();
const now = new Date("2026-03-01T12:00:00Z");
const bug = issue({ body: "It crashes", labelNames: ["bug"] });
const inception = newFeatureState("inception", "2026-02-01T00:00:00Z", "amina", "recognition");
const cardOf = (actions: ReturnType<typeof planSquad>["actions"]) =>
  of(actions, "upsertCard")[0]?.body ?? "";

const join = { line: "/join", command: { kind: "join" as const }, role: "anyone" as const };
const interested = {
  line: "/interested",
  command: { kind: "interested" as const },
  role: "anyone" as const,
};
const phase = (target: string) => ({
  line: `/phase ${target}`,
  command: { kind: "phase" as const, phrase: target, force: false },
  role: "lead" as const,
});

describe("notes and transitions", () => {
  it("a recognised request: one note and its entry as a transition from nowhere", () => {
    const plan = planSquad({
      templates,
      config,
      issue: issue(),
      trigger: { kind: "reconcile", actor: "amina" },
      now,
    });
    expect(plan.notes).toEqual(["recognised as a feature request; enters Inception"]);
    expect(plan.transitions).toEqual([
      { from: null, to: "inception", by: "amina", via: "recognition" },
    ]);
  });

  it("a request a person labelled: its entry came by label", () => {
    const plan = planSquad({
      templates,
      config,
      issue: issue({ labelNames: ["phase: testing"], body: "" }),
      trigger: { kind: "labeled", label: "phase: testing", actor: "mo" },
      now,
    });
    expect(plan.transitions).toEqual([{ from: null, to: "testing", by: "mo", via: "label" }]);
  });

  it("a board move to an option of no configured phase moves nothing", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(inception, ["phase: inception"]),
      trigger: { kind: "project", phase: "retired", actor: "pat" },
      now,
    });
    expect(plan.transitions).toEqual([]);
    expect(plan.state?.phase).toBe("inception");
  });

  it("an issue that is no feature: one note, nothing else", () => {
    const plan = planSquad({
      templates,
      config,
      issue: bug,
      trigger: { kind: "reconcile", actor: "x" },
      now,
    });
    expect(plan).toEqual({
      actions: [],
      notes: ["not a feature request"],
      state: null,
      cardCommentId: null,
      transitions: [],
    });
  });

  it("a fresh command: no note; the same command again: a note and no second handling", () => {
    const snapshot = withCard(inception, ["phase: inception"]);
    const fresh = planSquad({
      templates,
      config,
      issue: snapshot,
      trigger: commandTrigger([join], "kim"),
      now,
    });
    expect(fresh.notes).toEqual([]);
    const handled = withCard(fresh.state ?? inception, ["phase: inception"]);
    const again = planSquad({
      templates,
      config,
      issue: handled,
      trigger: commandTrigger([join], "kim"),
      now,
    });
    expect(again.notes).toEqual(["some commands were already handled"]);
    expect(again.state?.handled).toEqual(fresh.state?.handled);
  });

  it("an unreadable card of the bot's own: a note, and the card rewritten in place", () => {
    const broken = comment(`${encodeMarker(CARD_MARKER, { v: 9 })}`);
    const plan = planSquad({
      templates,
      config,
      issue: issue({ labelNames: ["phase: inception"], comments: [broken] }),
      trigger: { kind: "reconcile", actor: "amina" },
      now,
    });
    expect(plan.notes).toEqual([
      "the card's state could not be read; it is rebuilt",
      "recognised as a feature request; enters Inception",
    ]);
    expect(plan.cardCommentId).toBe(broken.id);
  });

  it("a second card of the bot's own is deleted, saying why", () => {
    const first = comment(encodeMarker(CARD_MARKER, inception));
    const second = comment(encodeMarker(CARD_MARKER, inception));
    const plan = planSquad({
      templates,
      config,
      issue: issue({ labelNames: ["phase: inception"], comments: [first, second] }),
      trigger: { kind: "reconcile", actor: "x" },
      now,
    });
    expect(of(plan.actions, "deleteComment")).toEqual([
      { type: "deleteComment", commentId: second.id, why: "a second card for the same feature" },
    ]);
  });
});

describe("who brings an issue that is no feature request in", () => {
  const start = (trigger: Trigger) =>
    planSquad({ templates, config, issue: bug, trigger, now }).state?.phase;

  it("a maintainer's /phase among other commands", () => {
    expect(start(commandTrigger([interested, phase("inception")], "mo", true))).toBe("inception");
  });

  it("not a maintainer's other commands, nor anyone else's /phase", () => {
    expect(start(commandTrigger([interested], "mo", true))).toBeUndefined();
    expect(start(commandTrigger([phase("inception")], "kim", false))).toBeUndefined();
  });

  it("a squad issue the bot opened, but not an issue some request was closed as a duplicate of", () => {
    const from = { repo: "medic/cht-core", number: 3 };
    const adopt = (as: "squad" | "duplicate"): Trigger => ({
      kind: "adopt",
      as,
      from,
      people: [],
      actor: "mo",
    });
    expect(start(adopt("squad"))).toBe("inception");
    expect(start(adopt("duplicate"))).toBeUndefined();
  });
});

describe("command feedback", () => {
  it("a refusal on an issue that is no feature names every recognition label", () => {
    const cht = presetConfig({ preset: "cht" });
    const plan = planSquad({
      templates,
      config: cht,
      issue: bug,
      trigger: commandTrigger([join], "kim"),
      now,
    });
    const [reply] = of(plan.actions, "comment");
    expect(reply?.body).toContain(cht.recognize.labels.map((l) => `\`${l}\``).join(", "));
    expect(cht.recognize.labels.length).toBeGreaterThan(1);
  });

  it("a comment whose commands partly worked gets the 👍 and one reply for the rest", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(inception, ["phase: inception"]),
      trigger: commandTrigger([join, phase("release")], "kim"),
      now,
    });
    expect(of(plan.actions, "react")).toEqual([
      { type: "react", commentId: "IC_99", content: "THUMBS_UP" },
    ]);
    const replies = of(plan.actions, "comment");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain("/phase release");
    expect(replies[0]?.body).not.toContain("`/join`");
  });
});

describe("the card's criteria", () => {
  it("lists what the next phase needs", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard({ ...inception, phase: "convergence" }, ["phase: convergence"]),
      trigger: { kind: "reconcile", actor: "x" },
      now,
    });
    expect(cardOf(plan.actions)).toContain("#### To enter Building");
  });

  it("warns only of the unmet criteria of a phase entered without them", () => {
    const lead = { ...inception, lead: "lou" };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(lead, ["phase: building"]),
      trigger: { kind: "labeled", label: "phase: building", actor: "mo" },
      now,
    });
    const card = cardOf(plan.actions);
    const warnings = card.slice(
      card.indexOf("Entered Building without meeting"),
      card.indexOf("#### To enter"),
    );
    expect(warnings).toContain("/link scope");
    expect(warnings).not.toContain("/lead");
    expect(warnings).not.toContain("✅");
  });

  it("writes links to issues of the same repository as #N, others in full", () => {
    const linked = {
      ...inception,
      squad: { repo: "medic/cht-core", number: 12, phase: "Building" },
      duplicateOf: { repo: "medic/cht-roadmap", number: 3 },
    };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(linked, ["phase: inception"]),
      trigger: { kind: "reconcile", actor: "x" },
      now,
    });
    const card = cardOf(plan.actions);
    expect(card).toContain("[#12](https://github.com/medic/cht-core/issues/12)");
    expect(card).toContain("[medic/cht-roadmap#3](https://github.com/medic/cht-roadmap/issues/3)");
  });

  it("warns of the criteria of every phase a label move jumped over", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(inception, ["phase: release"]),
      trigger: { kind: "labeled", label: "phase: release", actor: "mo" },
      now,
    });
    const card = cardOf(plan.actions);
    const warnings = card.slice(
      card.indexOf("Entered Release without meeting"),
      card.indexOf("#### To enter"),
    );
    expect(warnings).toContain("/lead");
    expect(warnings).toContain("Acceptance criteria");
  });

  it("says when the phase is gone from the configuration, and lists no next phase", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard({ ...inception, phase: "retired" }, []),
      trigger: { kind: "reconcile", actor: "x" },
      now,
    });
    const card = cardOf(plan.actions);
    expect(card).toContain(
      "This feature is in a phase (`retired`) that the configuration no longer has",
    );
    expect(card).not.toContain("#### To enter");
    expect(card).not.toContain("without meeting");
  });
});
