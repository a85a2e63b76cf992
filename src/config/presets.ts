/** The shipped presets in `config/presets/<name>.yml`: complete configurations a repository builds on. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { presetsDir } from "../core/paths.js";
import type { ConfigData } from "./merge.js";
import { parseConfigText } from "./parse.js";
import { configSchema } from "./schema.js";

export const PRESET_NAMES = configSchema.shape.preset.unwrap().options;
export type PresetName = (typeof PRESET_NAMES)[number];
export const DEFAULT_PRESET: PresetName = "squad-journey";

export function isPresetName(value: unknown): value is PresetName {
  return typeof value === "string" && (PRESET_NAMES as readonly string[]).includes(value);
}

/** Shipped files do not change while the process runs. */
const loaded = new Map<PresetName, ConfigData>();

/** A preset's raw data; a broken shipped preset is our bug, so it throws. */
export function loadPreset(name: PresetName): ConfigData {
  let data = loaded.get(name);
  if (!data) {
    const file = join(presetsDir, `${name}.yml`);
    const parsed = parseConfigText(readFileSync(file, "utf8"), `preset:${name}`);
    if (!parsed.ok) {
      throw new Error(`squad-bot: ${file} is broken: ${parsed.problems[0]?.message ?? ""}`);
    }
    data = parsed.data;
    loaded.set(name, data);
  }
  return data;
}
