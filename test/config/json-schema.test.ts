import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import {
  buildConfigJsonSchema,
  CONFIG_SCHEMA_FILE,
  renderConfigJsonSchema,
} from "../../src/config/json-schema.js";
import { loadConfig } from "../../src/config/load.js";
import { packageRoot } from "../../src/core/paths.js";
import { templates } from "../support/templates.js";
import { FakeConfigPort, OWN, REPO } from "./fake-port.js";

describe("config/squad-bot.schema.json", () => {
  it("is up to date with the zod schema (run `npm run schema` if not)", () => {
    expect(readFileSync(CONFIG_SCHEMA_FILE, "utf8")).toBe(renderConfigJsonSchema());
  });

  it("describes a user's file: strict, with `_extends` and `$schema`, no required phases", () => {
    const schema = buildConfigJsonSchema();
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toBeUndefined();
    expect(Object.keys(schema.properties as object)).toEqual(
      expect.arrayContaining(["$schema", "_extends", "preset", "phases", "labels"]),
    );
    const pattern = new RegExp(
      (schema.properties as { _extends: { pattern: string } })._extends.pattern,
    );
    for (const ok of ["shared", "medic/.github", "medic/configs:squad/base.yml"]) {
      expect(pattern.test(ok), ok).toBe(true);
    }
    expect(pattern.test("medic/configs:base.json")).toBe(false);
  });
});

describe("config/squad-bot.example.yml", () => {
  it("is a valid configuration", async () => {
    const text = readFileSync(join(packageRoot, "config", "squad-bot.example.yml"), "utf8");
    const result = await loadConfig(new FakeConfigPort({ [OWN]: text }), REPO, templates);
    expect(result.ok === false ? result.problems : []).toEqual([]);
    expect(result).toMatchObject({ ok: true, config: { preset: "cht" } });
  });
});
