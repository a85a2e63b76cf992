/**
 * The JSON Schema of `.github/squad-bot.yml` for editors (YAML language server), generated from
 * the zod schema so the two cannot drift; `npm run schema` writes it, `-- --check` compares.
 */
import { join } from "node:path";
import { z } from "zod";
import { packageRoot } from "../core/paths.js";
import { EXTENDS_PATTERN } from "./parse.js";
import { configSchema } from "./schema.js";

export const CONFIG_SCHEMA_FILE = join(packageRoot, "config", "squad-bot.schema.json");

type JsonSchema = Record<string, unknown>;

/**
 * The input side (defaults make keys optional), plus what the loader accepts around the schema:
 * `_extends` and `$schema`. A repository's file is merged over a preset, so even `phases` is
 * optional at the root.
 */
export function buildConfigJsonSchema(): JsonSchema {
  const generated = z.toJSONSchema(configSchema, { io: "input" }) as JsonSchema;
  const { $schema, properties, required, ...rest } = generated;
  const stillRequired = Array.isArray(required) ? required.filter((key) => key !== "phases") : [];
  return {
    $schema,
    title: "squad-bot configuration (.github/squad-bot.yml)",
    description:
      "Merged over the chosen preset: mappings merge key by key, lists (such as phases) replace.",
    ...rest,
    properties: {
      $schema: {
        type: "string",
        description: "The JSON Schema for editors; ignored by squad-bot.",
      },
      _extends: {
        type: "string",
        description:
          "Another file this one is merged over: `repo`, `owner/repo` or `owner/repo:path.yml` (default path .github/squad-bot.yml).",
        pattern: EXTENDS_PATTERN.source,
      },
      ...(properties as JsonSchema),
    },
    ...(stillRequired.length > 0 ? { required: stillRequired } : {}),
  };
}

/** The file's exact text: two-space JSON and a final newline. */
export function renderConfigJsonSchema(): string {
  return `${JSON.stringify(buildConfigJsonSchema(), null, 2)}\n`;
}
