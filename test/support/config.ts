/** A validated Config for tests: a shipped preset with optional overrides, as a repository would write them. */

import { validateLayers } from "../../src/config/load.js";
import type { ConfigData } from "../../src/config/merge.js";
import type { Config } from "../../src/config/schema.js";
import { templates } from "./templates.js";

export function presetConfig(overrides: ConfigData = {}): Config {
  const result = validateLayers([{ source: "test", data: overrides }], ["test"], templates);
  if (result.ok !== true) throw new Error(`test config is invalid: ${JSON.stringify(result)}`);
  return result.config;
}
