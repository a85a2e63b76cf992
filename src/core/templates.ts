/**
 * Every user-facing text comes from `config/templates/`: Markdown templates (`<name>.md`) and short
 * phrases (`messages.<feature>.yml`, one file per feature), rendered with Mustache (logic-less;
 * callers pass ready values).
 * HTML escaping is off: values are Markdown, and user text is escaped by `core/markdown.ts`.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import Mustache from "mustache";
import { parse as parseYaml } from "yaml";
import { templatesDir } from "./paths.js";

const cache = new Map<string, string>();
let messageCache: Record<string, string> | undefined;

function readTemplate(name: string): string {
  let text = cache.get(name);
  if (text === undefined) {
    text = readFileSync(join(templatesDir, `${name}.md`), "utf8");
    cache.set(name, text);
  }
  return text;
}

const noEscape = (value: unknown): string => String(value);

/** Renders `config/templates/<name>.md`; surrounding blank lines are trimmed. */
export function renderTemplate(name: string, view: object): string {
  return Mustache.render(readTemplate(name), view, undefined, { escape: noEscape })
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

function messages(): Record<string, string> {
  if (!messageCache) {
    const merged: Record<string, string> = {};
    const files = readdirSync(templatesDir).filter((f) => /^messages(\.[\w-]+)?\.yml$/.test(f));
    for (const file of files.sort()) {
      const parsed: unknown = parseYaml(readFileSync(join(templatesDir, file), "utf8"));
      if (!parsed || typeof parsed !== "object") throw new Error(`${file} is not a mapping`);
      for (const [key, text] of Object.entries(parsed)) {
        if (key in merged && merged[key] !== String(text)) {
          throw new Error(`message key \`${key}\` is defined twice, differently (${file})`);
        }
        merged[key] = String(text);
      }
    }
    messageCache = merged;
  }
  return messageCache;
}

/** A short phrase from the `messages.*.yml` files, e.g. `message("criterion.lead", {})`. */
export function message(key: string, view: object = {}): string {
  const text = messages()[key];
  if (text === undefined) throw new Error(`config/templates/messages.*.yml have no key \`${key}\``);
  return Mustache.render(text, view, undefined, { escape: noEscape }).trim();
}
