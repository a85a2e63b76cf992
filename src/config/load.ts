/**
 * Loads a repository's configuration the way Probot's `context.config` does, then validates it.
 *
 * 1. `.github/squad-bot.yml` in the repository (at `ref` when given); if it does not exist, the
 *    same path in the owner's `.github` repository. If neither exists the result is "absent" and
 *    squad-bot does nothing for the repository: installing the app is not opting in, committing
 *    the file (even an empty one) is.
 * 2. `_extends` (`repo`, `owner/repo` or `owner/repo:path`, path default `.github/squad-bot.yml`)
 *    is followed recursively, at most MAX_EXTENDS files deep, stopping on cycles; the extended
 *    file is the base and the extending file the overlay. Files in the same repository are read
 *    at the same `ref`, so a pull request that changes both is checked as a whole.
 * 3. The merged result's `preset` (default `squad-journey`) is the bottom layer.
 * 4. Mappings merge key by key and lists replace, so `phases` replaces the preset's phases.
 *
 * Every `getFile` is one request; nothing is cached here. With `files` (the read-ahead's first
 * two files, read together in one request), only `_extends` targets are read, one request each.
 */

import type { Templates } from "../core/templates.js";
import { GitHubError, type GitHubPort } from "../github/port.js";
import type { RepoRef } from "../github/types.js";
import { journeyProblems } from "./journeys.js";
import { type ConfigData, deepMerge, ownerOf } from "./merge.js";
import {
  CONFIG_PATH,
  type ConfigFileRef,
  describeFile,
  parseConfigText,
  parseExtends,
} from "./parse.js";
import { DEFAULT_PRESET, isPresetName, loadPreset, presetUnder } from "./presets.js";
import { type ConfigProblem, code, describeIssue, formatPath } from "./problems.js";
import { type Config, configSchema, resolveConfig } from "./schema.js";

export { parseConfigText } from "./parse.js";
export type { ConfigProblem } from "./problems.js";

export type ConfigLoadResult =
  /** `sources`: the files read, base first, e.g. `["medic/.github:.github/squad-bot.yml"]`. */
  | { ok: true; config: Config; sources: string[] }
  | { ok: false; problems: ConfigProblem[]; sources: string[] }
  | { ok: "absent" };

/** `CONFIG_PATH`'s text at the default branch here and in the owner's `.github`; null: missing. */
export interface ConfigFiles {
  own: string | null;
  org: string | null;
}

/** The owner-wide fallback repository, as in Probot. */
const ORG_CONFIG_REPO = ".github";
/** How many `_extends` steps are followed from the first file. */
export const MAX_EXTENDS = 5;

/** One parsed file in the chain. */
export interface ConfigLayer {
  source: string;
  data: ConfigData;
}

const sameRepo = (a: RepoRef, b: RepoRef): boolean =>
  a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();

const fileKey = (file: ConfigFileRef): string => describeFile(file).toLowerCase();

export async function loadConfig(
  port: GitHubPort,
  repo: RepoRef,
  templates: Templates,
  options: { ref?: string; files?: ConfigFiles } = {},
): Promise<ConfigLoadResult> {
  const own: ConfigFileRef = { owner: repo.owner, repo: repo.repo, path: CONFIG_PATH };
  const { files } = options;
  let file = own;
  let text = files ? files.own : await port.getFile(repo, CONFIG_PATH, options.ref);
  if (text === null && repo.repo.toLowerCase() !== ORG_CONFIG_REPO) {
    file = { owner: repo.owner, repo: ORG_CONFIG_REPO, path: CONFIG_PATH };
    text = files
      ? files.org
      : await port.getFile({ owner: file.owner, repo: file.repo }, CONFIG_PATH);
  }
  if (text === null) return { ok: "absent" };

  const chain: ConfigFileRef[] = [];
  const layers: ConfigLayer[] = [];
  const failed = (problems: ConfigProblem[]): ConfigLoadResult => ({
    ok: false,
    problems,
    sources: chain.map(describeFile).reverse(),
  });
  for (;;) {
    chain.push(file);
    const source = describeFile(file);
    const parsed = parseConfigText(text, source, templates);
    if (!parsed.ok) return failed(parsed.problems);
    layers.unshift({ source, data: parsed.data });
    if (parsed.extends === undefined) break;

    const problem = (key: string, view: object): ConfigLoadResult =>
      failed([{ path: "_extends", message: templates.message(key, view), source }]);
    const target = parseExtends(parsed.extends, file);
    if (!target) return problem("config.problem.extendsFormat", { got: code(parsed.extends) });
    const names = [...chain, target].map((step) => code(describeFile(step))).join(" → ");
    if (chain.some((step) => fileKey(step) === fileKey(target))) {
      return problem("config.problem.extendsCycle", { chain: names });
    }
    if (chain.length > MAX_EXTENDS) {
      return problem("config.problem.extendsTooDeep", { max: MAX_EXTENDS, chain: names });
    }
    const targetName = code(describeFile(target));
    try {
      const ref = sameRepo(target, repo) ? options.ref : undefined;
      text = await port.getFile({ owner: target.owner, repo: target.repo }, target.path, ref);
    } catch (error) {
      // Another owner's private repository is a configuration mistake, not an outage.
      if (!(error instanceof GitHubError) || !["not-found", "forbidden"].includes(error.kind)) {
        throw error;
      }
      return problem("config.problem.extendsUnreadable", {
        target: targetName,
        detail: error.message,
      });
    }
    if (text === null) return problem("config.problem.extendsMissing", { target: targetName });
    file = target;
  }
  return validateLayers(layers, chain.map(describeFile).reverse(), templates);
}

/**
 * The pure last step: merges `layers` (base first) over their preset and validates the result.
 * A problem is attributed to the file that set the offending value; a value that came from the
 * preset is attributed to the last file, where it can be overridden.
 */
export function validateLayers(
  layers: ConfigLayer[],
  sources: string[],
  templates: Templates,
): ConfigLoadResult {
  const user = layers.reduce<ConfigData>((merged, layer) => deepMerge(merged, layer.data), {});
  // An unknown preset name is reported by the schema; the default preset still lets every other
  // problem be found in the same pass.
  const preset = isPresetName(user.preset) ? user.preset : DEFAULT_PRESET;
  const presetData = presetUnder(loadPreset(preset, templates), user);
  const merged = deepMerge(presetData, user);
  const result = configSchema.safeParse(merged);
  if (result.success) {
    const config = resolveConfig(result.data, (name) =>
      configSchema.parse(loadPreset(name, templates)),
    );
    const lastSource = layers.at(-1)?.source ?? `preset:${preset}`;
    const problems = journeyProblems(result.data, config).map(({ path, message }) => ({
      path: formatPath(path),
      message,
      source: lastSource,
    }));
    return problems.length === 0 ? { ok: true, config, sources } : { ok: false, problems, sources };
  }

  const layerData = [presetData, ...layers.map((layer) => layer.data)];
  const lastSource = layers.at(-1)?.source ?? `preset:${preset}`;
  const seen = new Set<string>();
  const problems: ConfigProblem[] = [];
  for (const issue of result.error.issues) {
    for (const { path, message: text } of describeIssue(issue, merged, configSchema, templates)) {
      const owner = ownerOf(path, layerData);
      const source = owner === 0 ? lastSource : (layers[owner - 1]?.source ?? lastSource);
      const problem = { path: formatPath(path), message: text, source };
      const key = JSON.stringify(problem);
      if (!seen.has(key)) problems.push(problem);
      seen.add(key);
    }
  }
  return { ok: false, problems, sources };
}
