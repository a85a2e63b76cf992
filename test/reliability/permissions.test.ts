/** Every command against every role: refused for each role that lacks it, applied for the rest. */
import { describe, expect, it } from "vitest";
import { SPECS } from "../../src/commands/specs.js";
import { encodeMarker } from "../../src/core/markers.js";
import { type Role, roleOf } from "../../src/features/squad/apply-commands.js";
import { runsInSquad } from "../../src/features/squad/command-kinds.js";
import { planSquad } from "../../src/features/squad/plan.js";
import { CARD_MARKER, newFeatureState } from "../../src/features/squad/state.js";
import { comment, issue } from "../squad/snapshot.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";

// With a role and a cycle, so `/role` and `/cycle` are on and checked like the rest.
const config = presetConfig({
  roles: [{ id: "tester", name: "Testers", phases: ["testing"] }],
  cycle: { ends: ["measure"], restartAt: "convergence" },
});
const RANK: Record<Role, number> = { anyone: 0, member: 1, lead: 2, maintainer: 3 };
const EXAMPLE_ARGS: Record<string, string> = {
  phase: "inception",
  lead: "@someone",
  link: "scope https://example.org/scope",
  target: "2026-12-31",
  blocked: "waiting for review",
  duplicate: "#3",
  squad: "propose",
  role: "tester me",
  cycle: "next",
};
const PEOPLE: Record<Role, { login: string; maintainer: boolean }> = {
  anyone: { login: "newcomer", maintainer: false },
  member: { login: "member-mo", maintainer: false },
  lead: { login: "lead-lou", maintainer: false },
  maintainer: { login: "maint-mia", maintainer: true },
};

const state = {
  ...newFeatureState("convergence", "2026-01-01T00:00:00Z", "x", "recognition"),
  lead: "lead-lou",
  members: ["member-mo"],
};
const snapshot = issue({
  labelNames: ["phase: convergence"],
  comments: [comment(encodeMarker(CARD_MARKER, state))],
});

// The squad's commands; governance checks its own (test/governance).
const cases = SPECS.filter((s) => s.name !== "help" && runsInSquad(s.name)).flatMap((spec) =>
  (Object.keys(PEOPLE) as Role[]).map(
    (role) => [spec.name, role, RANK[role] >= RANK[spec.role]] as const,
  ),
);

describe("permission matrix", () => {
  it("knows each person's role from the card and the permission lookup", () => {
    for (const [role, actor] of Object.entries(PEOPLE)) expect(roleOf(state, actor)).toBe(role);
  });

  it.each(cases)("/%s by %s: allowed %s", (name, role, allowed) => {
    const spec = SPECS.find((s) => s.name === name);
    const parsed = spec?.parse(EXAMPLE_ARGS[name] ?? "", templates);
    if (!spec || !parsed?.ok) throw new Error(`example for /${name} does not parse`);
    const plan = planSquad({
      templates,
      config,
      issue: snapshot,
      trigger: {
        kind: "comment",
        commentId: "IC_1",
        commentDatabaseId: 1,
        actor: PEOPLE[role],
        commands: [{ line: `/${name}`, occurrence: 1, command: parsed.command, role: spec.role }],
      },
      now: new Date("2026-02-01T00:00:00Z"),
    });
    const replies = plan.actions
      .filter((a) => a.type === "comment")
      .map((a) => (a.type === "comment" ? a.body : ""));
    const refusedForRole = replies.some((r) => /only (the squad|a maintainer)/.test(r));
    expect(refusedForRole).toBe(!allowed);
  });
});
