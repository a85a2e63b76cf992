/** Command specs: each command's arguments, good and bad, and "did you mean". */
import { describe, expect, it } from "vitest";
import {
  type Command,
  findSpec,
  type ParseResult,
  roleAllows,
  SPECS,
  suggest,
} from "../../src/commands/specs.js";
import { communityFeature } from "../../src/features/community/feature.js";
import { QUIET_SPECS } from "../../src/features/community/quiet.js";
import { FEATURES } from "../../src/features/index.js";
import { squadFeature } from "../../src/features/squad/feature.js";
import { templates } from "../support/templates.js";

function parse(name: string, args: string): ParseResult {
  const spec = findSpec(name);
  if (!spec) throw new Error(`no spec ${name}`);
  return spec.parse(args, templates);
}

const accepts = (name: string, args: string, command: Command) =>
  expect(parse(name, args)).toEqual({ ok: true, command });

function rejects(name: string, args: string, error: string) {
  expect(parse(name, args)).toEqual({ ok: false, error });
}

describe("/phase", () => {
  it.each<[string, Command]>([
    ["building", { kind: "phase", phrase: "building", force: false }],
    ["Building.", { kind: "phase", phrase: "Building.", force: false }],
    ["building --force", { kind: "phase", phrase: "building", force: true }],
    ["--force building", { kind: "phase", phrase: "building", force: true }],
    [
      "building scope is agreed --force, finally",
      { kind: "phase", phrase: "building scope is agreed, finally", force: true },
    ],
    [
      '"in review" ready for eyes',
      { kind: "phase", phrase: '"in review" ready for eyes', force: false },
    ],
    ["`sunset` --force", { kind: "phase", phrase: "`sunset`", force: true }],
    [
      "done -- see the release notes",
      { kind: "phase", phrase: "done -- see the release notes", force: false },
    ],
  ])("reads %j", (args, command) => accepts("phase", args, command));

  it.each([
    [
      "",
      "Say which phase to move to, e.g. `/phase building`. Usage: `/phase <name> [--force] [reason]`.",
    ],
    [
      "--force",
      "Say which phase to move to, e.g. `/phase building`. Usage: `/phase <name> [--force] [reason]`.",
    ],
    [
      "building --froce",
      "`--froce` is not an option of `/phase`; the only option is `--force`. Usage: `/phase <name> [--force] [reason]`.",
    ],
  ])("rejects %j", (args, error) => rejects("phase", args, error));

  it("leaves the reason whole: where the name ends depends on the configured phases", () => {
    accepts("phase", `building ${"x".repeat(301)}`, {
      kind: "phase",
      phrase: `building ${"x".repeat(301)}`,
      force: false,
    });
  });
});

describe("/lead", () => {
  it.each<[string, string]>([
    ["@octocat", "octocat"],
    ["octocat", "octocat"],
    ["@Mona-Lisa-2 because she knows the code", "Mona-Lisa-2"],
    ["@octocat.", "octocat"],
    [`@${"a".repeat(39)}`, "a".repeat(39)],
    ["me", "me"],
    ["@me", "me"],
    ["ME", "me"],
  ])("reads %j", (args, login) => accepts("lead", args, { kind: "lead", login }));

  it("asks for a login when there is none", () => {
    rejects("lead", "  ", "Say who should lead: `/lead @login`, or `/lead me` to volunteer.");
  });

  it.each([
    ["@-octocat", "`@\u200d-octocat`"],
    ["@octo_cat", "`@\u200docto\\_cat`"],
    [`@${"a".repeat(40)}`, `\`@\u200d${"a".repeat(40)}\``],
    ["@team/x", "`@\u200dteam/x`"],
  ])("rejects %j", (args, shown) =>
    rejects(
      "lead",
      args,
      `${shown} is not a GitHub login. Write it as \`@login\` (letters, digits and dashes), or \`/lead me\`.`,
    ));
});

describe("no-argument commands", () => {
  it.each([
    "join",
    "leave",
    "interested",
    "uninterested",
    "unblocked",
    "help",
  ] as const)("/%s ignores trailing talk", (name) => {
    accepts(name, "", { kind: name });
    accepts(name, "happy to help!", { kind: name });
  });
});

describe("/link", () => {
  it.each<[string, Command]>([
    [
      "scope https://example.com/doc",
      { kind: "link", linkKind: "scope", url: "https://example.com/doc" },
    ],
    [
      "Board <http://example.com/b>",
      { kind: "link", linkKind: "board", url: "http://example.com/b" },
    ],
    [
      "repo https://github.com/o/r",
      { kind: "link", linkKind: "repo", url: "https://github.com/o/r" },
    ],
    ["design none", { kind: "link", linkKind: "design", url: null }],
    ["design NONE", { kind: "link", linkKind: "design", url: null }],
    ["slack #squad-offline-maps", { kind: "link", linkKind: "slack", url: "#squad-offline-maps" }],
    [
      "slack https://medic.slack.com/archives/C0123ABCD",
      { kind: "link", linkKind: "slack", url: "C0123ABCD" },
    ],
    ["slack none", { kind: "link", linkKind: "slack", url: null }],
  ])("reads %j", (args, command) => accepts("link", args, command));

  const kinds = "`scope`, `board`, `repo`, `design`, `forum`, `slack`, `training`";
  const usage = "`/link <scope|board|repo|design|forum|slack|training> <url | none>`";
  it.each([
    ["", `Say which link to set, one of ${kinds}. Usage: ${usage}.`],
    [
      "docs https://x.org",
      `\`docs\` is not a kind of link. Use one of ${kinds}, e.g. \`/link scope https://…\`.`,
    ],
    ["scope", `Give the address to link, or \`none\` to remove the link. Usage: ${usage}.`],
    [
      "slack squad maps",
      "`squad` is not a Slack channel. Name it as `#channel-name`, by its id, or paste its link.",
    ],
    [
      "scope javascript:alert(1)",
      "`javascript:alert\\(1\\)` is not an http(s) address. Paste the full address, starting with `https://`.",
    ],
    [
      "scope example.com",
      "`example.com` is not an http(s) address. Paste the full address, starting with `https://`.",
    ],
  ])("rejects %j", (args, error) => rejects("link", args, error));
});

describe("/target", () => {
  it.each<[string, string | null]>([
    ["2026-02-28", "2026-02-28"],
    ["2028-02-29", "2028-02-29"],
    ["`2026-12-31`", "2026-12-31"],
    ["none", null],
  ])("reads %j", (args, date) => accepts("target", args, { kind: "target", date }));

  it.each([
    "2026-02-30",
    "2026-02-29",
    "2026-13-01",
    "2026-00-10",
    "2026-4-1",
    "tomorrow",
  ])("rejects %j", (args) =>
    rejects(
      "target",
      args,
      `\`${args}\` is not a date. Write a real calendar date as \`YYYY-MM-DD\`, e.g. \`2026-03-31\`, or \`none\` to clear it.`,
    ));

  it("asks for a date when there is none", () => {
    rejects(
      "target",
      "",
      "Give the target date as `YYYY-MM-DD`, or `none` to clear it. Usage: `/target <YYYY-MM-DD | none>`.",
    );
  });
});

describe("/blocked", () => {
  it("keeps the reason as typed", () => {
    accepts("blocked", "  waiting on  the API ", {
      kind: "blocked",
      reason: "waiting on  the API",
    });
    accepts("blocked", "x".repeat(300), { kind: "blocked", reason: "x".repeat(300) });
  });

  it("needs a reason of at most 300 characters", () => {
    rejects(
      "blocked",
      "",
      "Say why, e.g. `/blocked waiting for the API review`. Usage: `/blocked <reason>`.",
    );
    rejects(
      "blocked",
      "y".repeat(301),
      "The reason is 301 characters long; keep it to 300 and put details in a separate comment.",
    );
  });
});

describe("/quiet and /unquiet", () => {
  it.each([
    ["quiet", ""],
    ["quiet", "please, too many pings"],
    ["unquiet", ""],
  ] as const)("/%s %j is the bare command", (name, args) => accepts(name, args, { kind: name }));

  it("are registered as the community journey describes them, and run there", () => {
    for (const described of QUIET_SPECS) {
      const spec = findSpec(described.name);
      expect([spec?.usage, spec?.role]).toEqual([described.usage, described.role]);
      expect(spec?.summaryKey).toBe(described.summaryKey);
      expect(communityFeature.commands).toContain(described.name);
      expect(squadFeature.commands).not.toContain(described.name);
    }
    // Every command is run by exactly one feature of the registry.
    const owners = SPECS.map((spec) => FEATURES.filter((f) => f.commands?.includes(spec.name)));
    expect(owners.map((o) => o.length)).toEqual(SPECS.map(() => 1));
    expect(squadFeature.commands).toContain("help");
  });
});

describe("the spec list", () => {
  it("has one spec per command, with who may run it", () => {
    expect(SPECS.map((spec) => [spec.name, spec.role])).toEqual([
      ["interested", "anyone"],
      ["uninterested", "anyone"],
      ["quiet", "anyone"],
      ["unquiet", "anyone"],
      ["join", "anyone"],
      ["leave", "anyone"],
      ["role", "anyone"],
      ["lead", "lead"],
      ["phase", "lead"],
      ["cycle", "lead"],
      ["target", "lead"],
      ["link", "member"],
      ["blocked", "member"],
      ["unblocked", "member"],
      ["help", "anyone"],
      ["duplicate", "maintainer"],
      ["squad", "maintainer"],
      ["nominate", "maintainer"],
      ["sponsor", "maintainer"],
    ]);
    expect(findSpec("frobnicate")).toBeUndefined();
  });

  it("gives every spec a one-line summary", () => {
    for (const spec of SPECS) expect(templates.message(spec.summaryKey)).toMatch(/^[A-Z][^\n]+\.$/);
  });

  it.each([
    ["maintainer", "lead", true],
    ["lead", "lead", true],
    ["lead", "member", true],
    ["member", "lead", false],
    ["anyone", "member", false],
    ["anyone", "anyone", true],
    ["lead", "maintainer", false],
  ] as const)("%s may run what needs %s: %s", (held, needed, allowed) => {
    expect(roleAllows(held, needed)).toBe(allowed);
  });
});

describe("suggest", () => {
  it.each([
    ["jion", "join"],
    ["unblock", "unblocked"],
    ["phases", "phase"],
    ["intrested", "interested"],
    ["halp", "help"],
    ["leed", "lead"],
    ["quite", "quiet"],
    ["unqiet", "unquiet"],
    ["lgtm", null],
    ["assign", null],
    ["x", null],
  ])("%s → %s", (name, expected) => {
    expect(suggest(name)).toBe(expected);
  });
});

describe("/nominate", () => {
  it("reads a login and the role's words", () => {
    expect(findSpec("nominate")?.parse("@wes-writer squad lead", templates)).toEqual({
      ok: true,
      command: { kind: "nominate", login: "wes-writer", role: "squad lead" },
    });
  });

  it.each([
    ["", "Say whom and for which role"],
    ["@wes-writer", "Say which role to nominate wes-writer for"],
    ["@wes_writer! maintainer", "is not a GitHub login. Write it as `@login`."],
  ])("rejects %j", (args, error) => {
    const parsed = findSpec("nominate")?.parse(args, templates);
    expect(parsed?.ok).toBe(false);
    expect(parsed && !parsed.ok ? parsed.error : "").toContain(error);
  });
});
