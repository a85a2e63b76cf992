/** `/help` is generated from the specs. */
import { describe, expect, it } from "vitest";
import { renderHelp } from "../../src/commands/help.js";
import { type CommandSpec, SPECS } from "../../src/commands/specs.js";
import { templatesFrom } from "../../src/core/templates.js";
import { shippedFiles, templates } from "../support/templates.js";

describe("renderHelp", () => {
  it("lists every command in a table", () => {
    expect(renderHelp(SPECS, templates)).toMatchSnapshot();
  });

  it("has one row per spec, with pipes escaped so the table keeps its columns", () => {
    const rows = renderHelp(SPECS, templates)
      .split("\n")
      .filter((line) => line.startsWith("| `/"));
    expect(rows).toHaveLength(SPECS.length);
    for (const row of rows) expect(row.split(/(?<!\\)\|/)).toHaveLength(5);
    expect(rows).toContain(
      "| `/link <scope\\|board\\|repo\\|design\\|forum\\|slack\\|training> <url \\| none>` | squad members, the lead, maintainers | Link the scope document, project board, repository, design, forum topic, Slack channel (`#name`) or training plan; `none` removes the link. |",
    );
  });

  it("uses the role names it is given, and its summary from the templates", () => {
    const edited = templatesFrom(
      { ...shippedFiles(), "messages.test.yml": "test.join: Join | or not.\n" },
      "test",
    );
    const spec: CommandSpec = {
      name: "join",
      usage: "/join",
      summaryKey: "test.join",
      role: "member",
      parse: () => ({ ok: true, command: { kind: "join" } }),
    };
    const names = { anyone: "all", member: "crew", lead: "captain", maintainer: "admiral" };
    expect(renderHelp([spec], edited, names).split("\n").at(-1)).toBe(
      "| `/join` | crew | Join \\| or not. |",
    );
  });
});
