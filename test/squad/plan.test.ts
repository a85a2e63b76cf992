import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import {
  type CommandRequest,
  needsMaintainerCheck,
} from "../../src/features/squad/apply-commands.js";
import { planSquad } from "../../src/features/squad/plan.js";
import { CARD_MARKER, newFeatureState } from "../../src/features/squad/state.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";
import { commandTrigger, of, stateAfter, withCard } from "./plan-support.js";
import { comment, issue } from "./snapshot.js";

const config = presetConfig();
const now = new Date("2026-03-01T12:00:00Z");

describe("recognition", () => {
  it("puts a request with the feature label into the first phase with a card", () => {
    const plan = planSquad({
      templates,
      config,
      issue: issue({ labelNames: ["enhancement"], body: "" }),
      trigger: { kind: "reconcile", actor: "amina" },
      now,
    });
    expect(of(plan.actions, "addLabels")).toEqual([
      { type: "addLabels", labels: ["phase: inception"] },
    ]);
    expect(stateAfter(plan.actions)).toMatchObject({
      phase: "inception",
      history: [{ phase: "inception", via: "recognition", by: "amina" }],
    });
    expect(of(plan.actions, "comment")).toEqual([]);
  });

  it("recognises the template heading without any label", () => {
    const plan = planSquad({
      templates,
      config,
      issue: issue(),
      trigger: { kind: "reconcile", actor: "amina" },
      now,
    });
    expect(plan.state?.phase).toBe("inception");
  });

  it("leaves an ordinary issue alone", () => {
    const plan = planSquad({
      templates,
      config,
      issue: issue({ body: "It crashes", labelNames: ["bug"] }),
      trigger: { kind: "reconcile", actor: "amina" },
      now,
    });
    expect(plan.actions).toEqual([]);
    expect(plan.state).toBeNull();
  });

  it("starts in the phase a person labelled a fresh issue with", () => {
    const plan = planSquad({
      templates,
      config,
      issue: issue({ labelNames: ["phase: testing"], body: "" }),
      trigger: { kind: "labeled", label: "phase: testing", actor: "mo" },
      now,
    });
    expect(plan.state?.phase).toBe("testing");
    expect(plan.state?.history[0]?.via).toBe("label");
  });
});

describe("label moves", () => {
  const building = newFeatureState("building", "2026-02-01T00:00:00Z", "mo", "command");

  it("follows the newest phase label and removes the old one, even with unmet criteria", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(building, ["enhancement", "phase: building", "phase: release"]),
      trigger: { kind: "labeled", label: "phase: release", actor: "mo" },
      now,
    });
    expect(plan.state?.phase).toBe("release");
    expect(of(plan.actions, "removeLabels")).toEqual([
      { type: "removeLabels", labels: ["phase: building"] },
    ]);
    const card = of(plan.actions, "upsertCard")[0]?.body ?? "";
    expect(card).toContain("Acceptance criteria");
  });

  it("plans nothing new when the bot's own label comes back", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(building, ["enhancement", "phase: building"]),
      trigger: { kind: "labeled", label: "phase: building", actor: "squad-bot[bot]" },
      now,
    });
    expect(plan.transitions).toEqual([]);
    expect(of(plan.actions, "comment")).toEqual([]);
    expect(stateAfter(plan.actions).history).toHaveLength(1);
  });

  it("respects a person removing the phase label: it is not put back", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(building, ["enhancement"]),
      trigger: { kind: "unlabeled", label: "phase: building", actor: "mo" },
      now,
    });
    expect(plan.state?.labelRemovedBy).toBe("mo");
    expect(of(plan.actions, "addLabels").flatMap((a) => a.labels)).not.toContain("phase: building");
  });

  it("adopts a phase label whose webhook was lost when sweeping", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(building, ["phase: building", "phase: testing"]),
      trigger: { kind: "reconcile", actor: "sweep" },
      now,
    });
    expect(plan.state?.phase).toBe("testing");
    expect(plan.state?.history.at(-1)?.via).toBe("sweep");
  });

  it("notifies lead, members and interested people once, and nobody else", () => {
    const squad = { ...building, lead: "lou", members: ["mo", "kim"], interested: ["ada"] };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(squad, ["phase: building", "phase: testing"]),
      trigger: { kind: "labeled", label: "phase: testing", actor: "mo" },
      now,
    });
    const notices = of(plan.actions, "comment");
    expect(notices).toHaveLength(1);
    const mentions = notices[0]?.body.match(/@[\w-]+/g) ?? [];
    expect(new Set(mentions)).toEqual(new Set(["@lou", "@kim", "@ada"]));
  });

  it("keeps quiet when notifications are off", () => {
    const quiet = presetConfig({ notifications: { transitions: false } });
    const squad = { ...building, lead: "lou" };
    const plan = planSquad({
      templates,
      config: quiet,
      issue: withCard(squad, ["phase: building", "phase: testing"]),
      trigger: { kind: "labeled", label: "phase: testing", actor: "mo" },
      now,
    });
    expect(of(plan.actions, "comment")).toEqual([]);
  });

  it("syncs the blocked label both ways", () => {
    const blockedByLabel = planSquad({
      templates,
      config,
      issue: withCard(building, ["phase: building", "blocked"]),
      trigger: { kind: "labeled", label: "blocked", actor: "mo" },
      now,
    });
    expect(blockedByLabel.state?.blocked?.by).toBe("mo");
    const blocked = {
      ...building,
      blocked: { reason: "waiting on API", by: "mo", at: "2026-02-02T00:00:00Z" },
    };
    const unblocked = planSquad({
      templates,
      config,
      issue: withCard(blocked, ["phase: building"]),
      trigger: { kind: "unlabeled", label: "blocked", actor: "mo" },
      now,
    });
    expect(unblocked.state?.blocked).toBeNull();
  });
});

describe("commands", () => {
  const convergence = {
    ...newFeatureState("convergence", "2026-02-01T00:00:00Z", "mo", "command"),
    lead: "lead-lou",
  };
  const phase = (target: string, force = false, reason: string | null = null) => ({
    line: `/phase ${target}${force ? " --force" : ""}`,
    command: { kind: "phase" as const, phrase: reason ? `${target} ${reason}` : target, force },
    role: "lead" as const,
  });

  it("refuses a move whose entry criteria are unmet, once, saying what is missing", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(convergence, ["phase: convergence"]),
      trigger: commandTrigger([phase("building")]),
      now,
    });
    expect(plan.state?.phase).toBe("convergence");
    const replies = of(plan.actions, "comment");
    expect(replies).toHaveLength(1);
    expect(replies[0]?.body).toContain("/link scope");
    expect(of(plan.actions, "react")).toEqual([]);
  });

  it("leaves /quiet and /unquiet to the community journey: no reaction, reply or handled key", () => {
    const quiet = { line: "/quiet", command: { kind: "quiet" as const }, role: "anyone" as const };
    const unquiet = { ...quiet, line: "/unquiet", command: { kind: "unquiet" as const } };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(convergence, ["phase: convergence"]),
      trigger: commandTrigger([quiet, unquiet], "someone-new"),
      now,
    });
    expect(of(plan.actions, "react")).toEqual([]);
    expect(of(plan.actions, "comment")).toEqual([]);
    expect(stateAfter(plan.actions)).toEqual(convergence);

    const beside = planSquad({
      templates,
      config,
      issue: withCard(convergence, ["phase: convergence"]),
      trigger: commandTrigger(
        [quiet, { line: "/join", command: { kind: "join" }, role: "anyone" }],
        "ana",
      ),
      now,
    });
    expect(stateAfter(beside.actions).members).toEqual(["ana"]);
    expect(of(beside.actions, "react")).toHaveLength(1);
    expect(of(beside.actions, "comment")).toEqual([]);

    // Not a feature: nothing to refuse either.
    const plain = planSquad({
      templates,
      config,
      issue: issue({ body: "A typo in the docs." }),
      trigger: commandTrigger([quiet], "someone-new"),
      now,
    });
    expect(plain.actions).toEqual([]);
  });

  it("moves when the criteria are met, with a reaction instead of a reply", () => {
    const ready = {
      ...convergence,
      target: "2026-06-01",
      links: { scope: "https://example.org/scope", board: "https://example.org/board" },
    };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(ready, ["phase: convergence"]),
      trigger: commandTrigger([phase("building")]),
      now,
    });
    expect(plan.state?.phase).toBe("building");
    expect(of(plan.actions, "react")).toEqual([
      { type: "react", commentId: "IC_99", content: "THUMBS_UP" },
    ]);
    expect(of(plan.actions, "addLabels")[0]?.labels).toEqual(["phase: building"]);
    expect(of(plan.actions, "removeLabels")[0]?.labels).toEqual(["phase: convergence"]);
  });

  it("lets only a maintainer force a move", () => {
    const byLead = planSquad({
      templates,
      config,
      issue: withCard(convergence, ["phase: convergence"]),
      trigger: commandTrigger([phase("building", true)]),
      now,
    });
    expect(byLead.state?.phase).toBe("convergence");
    const byMaintainer = planSquad({
      templates,
      config,
      issue: withCard(convergence, ["phase: convergence"]),
      trigger: commandTrigger([phase("building", true)], "mo", true),
      now,
    });
    expect(byMaintainer.state?.phase).toBe("building");
    expect(byMaintainer.state?.history.at(-1)).toMatchObject({
      forced: true,
      via: "command",
      by: "mo",
    });
  });

  it("refuses a lead-only command from someone else", () => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(convergence, ["phase: convergence"]),
      trigger: commandTrigger([phase("inception")], "stranger"),
      now,
    });
    expect(plan.state?.phase).toBe("convergence");
    expect(of(plan.actions, "comment")[0]?.body).toContain("only the squad lead or a maintainer");
  });

  it("applies a redelivered comment only once", () => {
    const join = { line: "/join", command: { kind: "join" as const }, role: "anyone" as const };
    const first = planSquad({
      templates,
      config,
      issue: withCard(convergence, ["phase: convergence"]),
      trigger: commandTrigger([join], "kim"),
      now,
    });
    const afterFirst = stateAfter(first.actions);
    expect(afterFirst.members).toEqual(["kim"]);
    const leave = { line: "/leave", command: { kind: "leave" as const }, role: "anyone" as const };
    const left = planSquad({
      templates,
      config,
      issue: withCard(afterFirst, ["phase: convergence"]),
      trigger: commandTrigger([leave], "kim", false, 100),
      now,
    });
    const replay = planSquad({
      templates,
      config,
      issue: withCard(stateAfter(left.actions), ["phase: convergence"]),
      trigger: commandTrigger([join], "kim"),
      now,
    });
    expect(stateAfter(replay.actions).members).toEqual([]);
    expect(of(replay.actions, "react")).toEqual([]);
  });

  it("answers commands on an issue outside the workflow, and /help anywhere", () => {
    const help = { line: "/help", command: { kind: "help" as const }, role: "anyone" as const };
    const plan = planSquad({
      templates,
      config,
      issue: issue({ body: "A bug", labelNames: ["bug"] }),
      trigger: commandTrigger([help], "kim"),
      now,
    });
    expect(plan.state).toBeNull();
    const reply = of(plan.actions, "comment")[0]?.body ?? "";
    expect(reply).toContain("/phase");
    expect(reply).toContain("/interested");
  });

  it("lets a maintainer bring any issue into the workflow with /phase", () => {
    const plan = planSquad({
      templates,
      config,
      issue: issue({ body: "A bug", labelNames: ["bug"] }),
      trigger: commandTrigger([phase("inception")], "mo", true),
      now,
    });
    expect(plan.state?.phase).toBe("inception");
  });
});

describe("trust and convergence", () => {
  it("ignores a card marker pasted by a person", () => {
    const forged = {
      ...newFeatureState("release", "2026-01-01T00:00:00Z", "mallory", "command"),
      lead: "mallory",
    };
    const snapshot = issue({
      labelNames: ["enhancement"],
      comments: [
        comment(encodeMarker(CARD_MARKER, forged), { byThisApp: false, author: "mallory" }),
      ],
    });
    const plan = planSquad({
      templates,
      config,
      issue: snapshot,
      trigger: { kind: "reconcile", actor: "mallory" },
      now,
    });
    expect(plan.state?.phase).toBe("inception");
    expect(plan.state?.lead).toBeNull();
    expect(plan.cardCommentId).toBeNull();
  });

  it("deletes a second card left by a race and keeps the oldest", () => {
    const state = newFeatureState("inception", "2026-01-01T00:00:00Z", "amina", "recognition");
    const first = comment(encodeMarker(CARD_MARKER, state));
    const second = comment(encodeMarker(CARD_MARKER, state));
    const plan = planSquad({
      templates,
      config,
      issue: issue({ labelNames: ["phase: inception"], comments: [first, second] }),
      trigger: { kind: "reconcile", actor: "x" },
      now,
    });
    expect(plan.cardCommentId).toBe(first.id);
    expect(of(plan.actions, "deleteComment").map((a) => a.commentId)).toEqual([second.id]);
  });
});

describe("cards written by two racing deliveries", () => {
  it("keeps the oldest comment with the state that saw a maintainer's move", () => {
    const opened = newFeatureState("inception", "2026-01-01T00:00:00Z", "amina", "recognition");
    const moved = {
      ...opened,
      phase: "convergence",
      history: [
        ...opened.history,
        { phase: "convergence", at: "2026-01-01T00:00:01Z", by: "maya", via: "command" as const },
      ],
      handled: ["IC_1:abc"],
    };
    const first = comment(encodeMarker(CARD_MARKER, opened));
    const second = comment(encodeMarker(CARD_MARKER, moved));
    const plan = planSquad({
      config,
      // The later delivery's label write landed too.
      issue: issue({ labelNames: ["phase: convergence"], comments: [first, second] }),
      trigger: { kind: "reconcile", actor: "x" },
      now,
      templates,
    });
    expect(plan.cardCommentId).toBe(first.id);
    expect(plan.state?.phase).toBe("convergence");
    expect(plan.state?.handled).toEqual(["IC_1:abc"]);
    expect(of(plan.actions, "deleteComment").map((a) => a.commentId)).toEqual([second.id]);
  });
});

describe("roles without a permission lookup", () => {
  const open = newFeatureState("inception", "2026-01-01T00:00:00Z", "x", "recognition");
  const request = (
    line: string,
    command: CommandRequest["command"],
    role: CommandRequest["role"],
  ) => ({ line, occurrence: 1, command, role });
  const leadMe = request("/lead me", { kind: "lead", login: "me" }, "lead");
  const phase = request(
    "/phase convergence",
    { kind: "phase", phrase: "convergence", force: false },
    "lead",
  );

  it("lets a volunteer lead a squad without one, and then act as its lead", () => {
    expect(needsMaintainerCheck(open, "kim", [leadMe, phase])).toBe(false);
    expect(needsMaintainerCheck({ ...open, lead: "lou" }, "kim", [leadMe])).toBe(true);
    expect(needsMaintainerCheck(open, "kim", [phase])).toBe(true);
  });

  it("does not list the lead among the members when they /join", () => {
    const join = request("/join", { kind: "join" }, "anyone");
    const plan = planSquad({
      templates,
      config,
      issue: withCard(open, ["phase: inception"]),
      trigger: commandTrigger([leadMe, join], "kim"),
      now,
    });
    expect(plan.state).toMatchObject({ lead: "kim", members: [] });
  });
});
