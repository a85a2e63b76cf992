/** Writes config/squad-bot.schema.json from the zod schema; `--check` fails when it is stale. */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { relative } from "node:path";
import { CONFIG_SCHEMA_FILE, renderConfigJsonSchema } from "../src/config/json-schema.js";

const expected = renderConfigJsonSchema();
const name = relative(process.cwd(), CONFIG_SCHEMA_FILE);

if (process.argv.includes("--check")) {
  const current = existsSync(CONFIG_SCHEMA_FILE) ? readFileSync(CONFIG_SCHEMA_FILE, "utf8") : null;
  if (current !== expected) {
    console.error(
      `${name} is ${current === null ? "missing" : "out of date"}: the config schema changed. ` +
        "Run `npm run schema` and commit the result.",
    );
    process.exit(1);
  }
  console.log(`${name} is up to date.`);
} else {
  writeFileSync(CONFIG_SCHEMA_FILE, expected);
  console.log(`Wrote ${name}.`);
}
