/** Reads one configuration file's text: YAML to a mapping, plus its `_extends` reference. */
import { LineCounter, parseDocument } from "yaml";
import type { Templates } from "../core/templates.js";
import type { RepoRef } from "../github/types.js";
import { type ConfigData, isMapping } from "./merge.js";
import { type ConfigProblem, describeValue } from "./problems.js";

/** Where squad-bot's configuration lives in a repository (the only name it reads). */
export const CONFIG_PATH = ".github/squad-bot.yml";

/** A file in a repository, as `_extends` names it. */
export interface ConfigFileRef extends RepoRef {
  path: string;
}

export type ParsedConfigText =
  /** `data` without the loader's own keys (`_extends`, `$schema`). */
  { ok: true; data: ConfigData; extends?: string } | { ok: false; problems: ConfigProblem[] };

/** At most this many YAML errors are reported: later ones usually follow from the first. */
const MAX_YAML_ERRORS = 3;

/**
 * `repo`, `owner/repo` or `owner/repo:path.yml`, with GitHub's rules for owner and repo names.
 * No flags, so the JSON Schema export can reuse its source.
 */
export const EXTENDS_PATTERN =
  /^(?:([A-Za-z\d](?:[A-Za-z\d]|-(?=[A-Za-z\d])){0,38})\/)?([-.\w]+)(?::([-./\w]+\.ya?ml))?$/;

/** Resolves an `_extends` value relative to the file that holds it; null when malformed. */
export function parseExtends(value: string, from: RepoRef): ConfigFileRef | null {
  const match = EXTENDS_PATTERN.exec(value.trim());
  if (!match) return null;
  const [, owner, repo, path] = match;
  if (!repo || path?.split("/").some((part) => part === ".." || part === "")) return null;
  return { owner: owner ?? from.owner, repo, path: path ?? CONFIG_PATH };
}

/** `owner/repo:path`, the name a file has in problems and sources. */
export function describeFile(file: ConfigFileRef): string {
  return `${file.owner}/${file.repo}:${file.path}`;
}

/**
 * The pure first step: YAML text to a mapping. An empty file (or one with only comments) is an
 * empty mapping, so the smallest opt-in is an empty `.github/squad-bot.yml`.
 */
export function parseConfigText(
  text: string,
  source: string,
  templates: Templates,
): ParsedConfigText {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  if (document.errors.length > 0) {
    const problems = document.errors.slice(0, MAX_YAML_ERRORS).map((error) => {
      const { line, col } = lineCounter.linePos(error.pos[0]);
      const detail = error.message.split("\n")[0] ?? error.code;
      return {
        path: "",
        message: templates.message("config.problem.yamlSyntax", { line, column: col, detail }),
        source,
      };
    });
    return { ok: false, problems };
  }
  let value: unknown;
  try {
    value = document.toJS();
  } catch (error) {
    // Unresolved aliases and alias bombs fail only when the document becomes data.
    const detail = error instanceof Error ? error.message : String(error);
    return {
      ok: false,
      problems: [
        {
          path: "",
          message: templates.message("config.problem.yamlUnreadable", { detail }),
          source,
        },
      ],
    };
  }
  if (value === null || value === undefined) return { ok: true, data: {} };
  if (!isMapping(value)) {
    const got = describeValue(value);
    return {
      ok: false,
      problems: [
        { path: "", message: templates.message("config.problem.notMapping", { got }), source },
      ],
    };
  }
  const { _extends: extendsValue, $schema: _schema, ...data } = value;
  if (extendsValue === undefined || extendsValue === null) return { ok: true, data };
  if (typeof extendsValue !== "string" || !EXTENDS_PATTERN.test(extendsValue.trim())) {
    const got = describeValue(extendsValue);
    return {
      ok: false,
      problems: [
        {
          path: "_extends",
          message: templates.message("config.problem.extendsFormat", { got }),
          source,
        },
      ],
    };
  }
  return { ok: true, data, extends: extendsValue.trim() };
}
