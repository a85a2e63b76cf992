/**
 * Planners write with the templates they are given, not with files they read themselves: a
 * maintainer's edited phrase or template changes the plan, and nothing else does.
 */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { planSquad, type SquadPlanInput } from "../../src/features/squad/plan.js";
import { presetConfig } from "../support/config.js";
import { editedTemplates, templates } from "../support/templates.js";
import { commandTrigger } from "./plan-support.js";
import { issue } from "./snapshot.js";

const input: SquadPlanInput = {
  templates,
  config: presetConfig(),
  issue: issue({ labelNames: ["enhancement"], body: "" }),
  trigger: { kind: "reconcile", actor: "amina" },
  now: new Date("2026-03-01T12:00:00Z"),
};
const card = (actions: Action[]) =>
  actions.flatMap((a) => (a.type === "upsertCard" ? [a.body] : [])).join("");

describe("a planner given edited templates", () => {
  it("writes the card with an edited phrase", () => {
    const edited = editedTemplates("messages.card.yml", (text) =>
      text.replace(/^card\.opened\.by: .*$/m, 'card.opened.by: "asked for by {{author}}"'),
    );
    const shipped = card(planSquad(input).actions);
    const mine = card(planSquad({ ...input, templates: edited }).actions);
    expect(shipped).toContain("requested by [amina]");
    expect(mine).toContain("asked for by [amina]");
    expect(mine).not.toContain("requested by");
    // Only that phrase changed.
    expect(mine.replace("asked for by", "requested by")).toBe(shipped);
  });

  it("writes the card with an edited template", () => {
    const edited = editedTemplates("card.md", (text) =>
      text.replace("### Squad card: {{phase}}", "## Where this feature stands: {{phase}}"),
    );
    const mine = card(planSquad({ ...input, templates: edited }).actions);
    expect(mine).toContain("## Where this feature stands: Inception");
    expect(mine).not.toContain("Squad card:");
  });

  it("answers a command with an edited refusal", () => {
    const edited = editedTemplates("messages.squad.yml", (text) =>
      text.replace(/^refuse\.notFeature: .*$/m, 'refuse.notFeature: "Not a feature yet, sorry."'),
    );
    const plan = planSquad({
      ...input,
      templates: edited,
      issue: issue({ labelNames: [], body: "A bug." }),
      trigger: commandTrigger([{ line: "/join", command: { kind: "join" }, role: "anyone" }]),
    });
    const replies = plan.actions.flatMap((a) => (a.type === "comment" ? [a.body] : []));
    expect(replies.join("")).toContain("Not a feature yet, sorry.");
  });
});
