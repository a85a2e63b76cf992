/**
 * Reads a templates folder once, at the start of a process (the server, the Actions mode, the
 * CLI, scripts): the one place templates come from disk. Features get the result as data.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { templatesDir } from "./paths.js";
import { isTemplateFile, type TemplateFiles, type Templates, templatesFrom } from "./templates.js";

/** Every `<name>.md` and `messages.*.yml` in `dir`, by file name. */
export function readTemplateFiles(dir: string = templatesDir): TemplateFiles {
  const names = readdirSync(dir).filter(isTemplateFile);
  return Object.fromEntries(names.map((name) => [name, readFileSync(join(dir, name), "utf8")]));
}

/** The shipped templates, or `SQUAD_BOT_TEMPLATES_DIR`'s; throws naming the broken file. */
export function loadTemplates(dir: string = templatesDir): Templates {
  return templatesFrom(readTemplateFiles(dir), dir);
}
