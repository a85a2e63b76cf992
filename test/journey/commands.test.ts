/** `/role` and cycles in the squad planner: who may do what, and what the card then holds. */
import { describe, expect, it } from "vitest";
import { SPECS } from "../../src/commands/specs.js";
import { planSquad } from "../../src/features/squad/plan.js";
import { type FeatureState, newFeatureState } from "../../src/features/squad/state.js";
import { commandTrigger, stateAfter, withCard } from "../squad/plan-support.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";

const config = presetConfig({ preset: "cht-implementation" });
const NOW = new Date("2026-03-01T00:00:00Z");

function run(state: FeatureState, line: string, login: string, extra: object = {}) {
  const [name = "", ...rest] = line.slice(1).split(" ");
  const spec = SPECS.find((s) => s.name === name);
  const parsed = spec?.parse(rest.join(" "), templates);
  if (!spec || !parsed?.ok) throw new Error(`${line} does not parse`);
  const trigger = commandTrigger([{ line, command: parsed.command, role: spec.role }], login);
  const plan = planSquad({
    config,
    templates,
    now: NOW,
    issue: withCard(state, [`stage: ${state.phase}`]),
    trigger: { ...trigger, ...extra },
  });
  const replies = plan.actions.flatMap((a) => (a.type === "comment" ? [a.body] : []));
  const card = plan.actions.find((a) => a.type === "upsertCard");
  return {
    state: stateAfter(plan.actions),
    replies: replies.join("\n"),
    card: card?.type === "upsertCard" ? card.body : "",
  };
}

const base: FeatureState = {
  ...newFeatureState("planning", "2026-01-01T00:00:00Z", "x", "recognition"),
  lead: "lead-lou",
  roles: { designer: ["dee"], developer: ["dan"] },
};

describe("/role", () => {
  it("a role holder counts as a member: may link, and /leave gives up every role", () => {
    const linked = run(base, "/link design https://figma.example/kisumu", "dee");
    expect(linked.state.links.design).toBe("https://figma.example/kisumu");
    expect(run(base, "/leave", "dee").state.roles).toEqual({ developer: ["dan"] });
  });

  it("clearing a role is the lead's; its holder may give it up", () => {
    const refused = run(base, "/role designer none", "dan");
    expect(refused.replies).toContain("only the squad lead or a maintainer can clear");
    expect(refused.state.roles).toEqual(base.roles);
    expect(run(base, "/role designer none", "lead-lou").state.roles).toEqual({
      developer: ["dan"],
    });
    expect(run(base, "/role developer none", "dan").state.roles).toEqual({ designer: ["dee"] });
  });

  it("names only accounts that exist, in GitHub's spelling", () => {
    const accounts = { accounts: { ghost: null, "sam-admin": "Sam-Admin" } };
    const ghost = run(base, "/role sysadmin @ghost", "lead-lou", accounts);
    expect(ghost.replies).toContain("there is no GitHub account `ghost`");
    const named = run(base, "/role sysadmin @sam-admin", "lead-lou", accounts);
    expect(named.state.roles?.sysadmin).toEqual(["Sam-Admin"]);
  });

  it("taking a role twice changes nothing", () => {
    expect(run(base, "/role designer me", "dee").state.roles).toEqual(base.roles);
  });
});

describe("cycles on the card", () => {
  it("ticks the phases of the current cycle only", () => {
    const second: FeatureState = {
      ...base,
      phase: "design",
      cycle: 2,
      history: [
        { phase: "initiation", at: "2026-01-01T00:00:00Z", by: "x", via: "recognition" },
        { phase: "planning", at: "2026-01-02T00:00:00Z", by: "x", via: "command" },
        { phase: "design", at: "2026-01-03T00:00:00Z", by: "x", via: "command" },
        { phase: "evaluation", at: "2026-01-04T00:00:00Z", by: "x", via: "command", forced: true },
        { phase: "planning", at: "2026-02-01T00:00:00Z", by: "x", via: "command", cycle: 2 },
        { phase: "design", at: "2026-02-02T00:00:00Z", by: "x", via: "command", cycle: 2 },
      ],
    };
    const { card } = run(second, "/interested", "someone");
    // Initiation was visited in cycle 1 only: not ticked now.
    expect(card).toContain("Initiation → Planning ✔ → **Design** → Building");
    expect(card).toContain("### Squad card: Design · cycle 2");
  });
});
