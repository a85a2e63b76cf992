/**
 * Every phrase key and template name the code asks for exists in the shipped templates, also on
 * paths no other test takes (a rare refusal, a board problem): a renamed or deleted key fails here,
 * not in production. Keys are read from the source: literals, and keys built in a template
 * literal (`card.via.${via}`), which must match at least one key.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse as parseYaml } from "yaml";
import { SPECS } from "../../src/commands/specs.js";
import { configSchema, LINK_KINDS } from "../../src/config/schema.js";
import { knownKeysAt } from "../../src/config/zod-walk.js";
import { packageRoot } from "../../src/core/paths.js";
import { shippedFiles, templates } from "../support/templates.js";

const files = shippedFiles();
const keys = Object.entries(files)
  .filter(([name]) => name.endsWith(".yml"))
  .flatMap(([, text]) => Object.keys(parseYaml(text) as object));
const templateNames = Object.keys(files).flatMap((name) => /^(.+)\.md$/.exec(name)?.[1] ?? []);
/** `card`, `digest`, `refuse`, …: a dotted string starting with one of these names a phrase. */
const namespaces = new Set(keys.map((key) => key.split(".")[0]));

function sources(dir: string): { file: string; text: string }[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sources(path);
    return entry.name.endsWith(".ts") ? [{ file: path, text: readFileSync(path, "utf8") }] : [];
  });
}
const src = sources(join(packageRoot, "src"));
const where = (found: { file: string }) => found.file.slice(packageRoot.length + 1);

/** A key itself, or the start of keys picked by count or kind (`card.target.overdue` → `.one`). */
const known = (literal: string) =>
  keys.includes(literal) || keys.some((key) => key.startsWith(`${literal}.`));

/** `roadmap.addOnLabels` is a config path that problems and reports name, not a phrase. */
function configPath(literal: string): boolean {
  const path = literal.split(".");
  return knownKeysAt(configSchema, path.slice(0, -1), {}).includes(path.at(-1) ?? "");
}

describe("the keys and templates the code asks for", () => {
  it("finds plenty of them in the source", () => {
    expect(namespaces.size).toBeGreaterThan(5);
    expect(src.length).toBeGreaterThan(50);
  });

  it("every phrase key written out exists", () => {
    const missing = src.flatMap((found) =>
      [...found.text.matchAll(/"([a-z][\w-]*(?:\.[\w-]+)+)"/g)]
        .map((m) => m[1] as string)
        .filter((literal) => namespaces.has(literal.split(".")[0]) && !configPath(literal))
        .filter((literal) => !known(literal))
        .map((literal) => `${where(found)}: ${literal}`),
    );
    expect(missing).toEqual([]);
  });

  it("every key built from a kind matches at least one phrase", () => {
    const unmatched = src.flatMap((found) =>
      [...found.text.matchAll(/`([a-z][\w-]*\.[^`]*\$\{[^`]*)`/g)]
        .map((m) => m[1] as string)
        .filter((pattern) => namespaces.has(pattern.split(".")[0]))
        .filter((pattern) => {
          const parts = pattern
            .split(/\$\{[^}]*\}/)
            .map((p) => p.replace(/[.*+?^()|[\]\\]/g, "\\$&"));
          const regex = new RegExp(`^${parts.join("[\\w.-]+")}$`);
          return !keys.some((key) => regex.test(key));
        })
        .map((pattern) => `${where(found)}: ${pattern}`),
    );
    expect(unmatched).toEqual([]);
  });

  it("every template rendered exists", () => {
    const rendered = src.flatMap((found) =>
      [...found.text.matchAll(/\.render\("([\w-]+)"/g)].map((m) => m[1] as string),
    );
    expect(rendered.length).toBeGreaterThan(10);
    expect(rendered.filter((name) => !templateNames.includes(name))).toEqual([]);
  });

  it("every kind the card and /help name has its phrase", () => {
    const wanted = [
      ...SPECS.map((spec) => spec.summaryKey),
      ...SPECS.map((spec) => `command.role.${spec.role}`),
      ...LINK_KINDS.flatMap((kind) => [`card.link.${kind}`, `criterion.link.name.${kind}`]),
    ];
    expect(wanted.filter((key) => !keys.includes(key))).toEqual([]);
    // The command parser's errors are named without their prefix: `fail("date-missing")`.
    const specs = src.find((found) => found.file.endsWith(join("commands", "specs.ts")));
    const errors = [...(specs?.text ?? "").matchAll(/fail\("([\w-]+)"/g)].map((m) => m[1]);
    expect(errors.length).toBeGreaterThan(10);
    expect(errors.filter((key) => !keys.includes(`command.error.${key}`))).toEqual([]);
    expect(() => templates.message(SPECS[0]?.summaryKey ?? "")).not.toThrow();
  });
});
