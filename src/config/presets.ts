/** The shipped presets in `config/presets/<name>.yml`: complete configurations a repository builds on. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { presetsDir } from "../core/paths.js";
import type { Templates } from "../core/templates.js";
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

/** A preset's raw data; a broken shipped preset is our bug, so it throws (worded by `templates`). */
export function loadPreset(name: PresetName, templates: Templates): ConfigData {
  let data = loaded.get(name);
  if (!data) {
    const file = join(presetsDir, `${name}.yml`);
    const parsed = parseConfigText(readFileSync(file, "utf8"), `preset:${name}`, templates);
    if (!parsed.ok) {
      throw new Error(`squad-bot: ${file} is broken: ${parsed.problems[0]?.message ?? ""}`);
    }
    data = parsed.data;
    loaded.set(name, data);
  }
  return data;
}

/**
 * The preset as the bottom layer under `user`. A preset's mapping keys name the preset's own
 * phases, so when a repository replaces the phases, the keys it no longer has are the preset's
 * leftovers, not the repository's typos, and are dropped; what the repository writes itself is
 * still checked strictly.
 */
export function presetUnder(preset: ConfigData, user: ConfigData): ConfigData {
  if (!Array.isArray(user.phases)) return preset;
  const ids = new Set(user.phases.map((phase) => (isRecord(phase) ? phase.id : undefined)));
  const roadmap = preset.roadmap;
  if (!isRecord(roadmap) || !isRecord(roadmap.options)) return preset;
  const options = Object.fromEntries(Object.entries(roadmap.options).filter(([id]) => ids.has(id)));
  return { ...preset, roadmap: { ...roadmap, options } };
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null && !Array.isArray(value);
