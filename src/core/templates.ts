/**
 * Every user-facing text comes from a templates folder (`config/templates/`, or a deployment's own):
 * Markdown templates (`<name>.md`) and short phrases (`messages.<feature>.yml`, one file per
 * feature), rendered with Mustache (logic-less; callers pass ready values). A `Templates` value is
 * built once from the folder's files and passed to pure code as data: nothing here reads a file.
 * HTML escaping is off: values are Markdown, and user text is escaped by `core/markdown.ts`.
 */
import Mustache from "mustache";
import { parse as parseYaml } from "yaml";

/** The texts planners and renderers write with. */
export interface Templates {
  /** Renders `<name>.md`; surrounding blank lines are trimmed, runs of blank lines kept to one. */
  render(name: string, view: object): string;
  /** A short phrase from the `messages.*.yml` files, e.g. `message("criterion.lead.text")`. */
  message(key: string, view?: object): string;
}

/** A templates folder's files by name (`card.md`, `messages.card.yml`) and their text. */
export type TemplateFiles = Readonly<Record<string, string>>;

const MESSAGES_FILE = /^messages(\.[\w-]+)?\.yml$/;
const TEMPLATE_FILE = /^(.+)\.md$/;
const noEscape = (value: unknown): string => String(value);

/** Whether a file is one `templatesFrom` reads: `<name>.md` or `messages.<feature>.yml`. */
export const isTemplateFile = (file: string): boolean =>
  TEMPLATE_FILE.test(file) || MESSAGES_FILE.test(file);

/**
 * Reads and checks every file up front, so a broken template stops the start instead of the
 * first delivery that needs it: YAML that is not a mapping of phrases, a key defined twice, and
 * Mustache that does not parse are named with their file (and key). `where` names the folder.
 */
export function templatesFrom(files: TemplateFiles, where: string): Templates {
  const problems: string[] = [];
  const templates = new Map<string, string>();
  const messages = new Map<string, { text: string; file: string }>();
  // Its own parse cache, so two `Templates` values never share parsed text.
  const writer = new Mustache.Writer();
  const check = (text: string, what: string): void => {
    try {
      writer.parse(text);
    } catch (error) {
      problems.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  for (const file of Object.keys(files).sort()) {
    const text = files[file] ?? "";
    const name = TEMPLATE_FILE.exec(file)?.[1];
    if (name !== undefined) {
      templates.set(name, text);
      check(text, file);
    } else if (MESSAGES_FILE.test(file)) {
      for (const [key, phrase] of phrasesOf(file, text, problems)) {
        const earlier = messages.get(key);
        if (earlier) problems.push(`${file}: key \`${key}\` is also defined in ${earlier.file}`);
        else messages.set(key, { text: phrase, file });
        check(phrase, `${file}: key \`${key}\``);
      }
    }
  }
  if (problems.length > 0) {
    throw new Error(
      `the templates in ${where} are broken:\n${problems.map((p) => `- ${p}`).join("\n")}`,
    );
  }
  const render = (text: string, view: object) =>
    writer.render(text, view, undefined, { escape: noEscape });
  return {
    render(name, view) {
      const text = templates.get(name);
      if (text === undefined) throw new Error(`${where} has no template \`${name}.md\``);
      return render(text, view)
        .replace(/\n{3,}/g, "\n\n")
        .trim();
    },
    message(key, view = {}) {
      const phrase = messages.get(key);
      if (phrase === undefined) throw new Error(`${where}/messages.*.yml have no key \`${key}\``);
      return render(phrase.text, view).trim();
    },
  };
}

/** A messages file's phrases; what is not a mapping of key to text is a problem of that file. */
function phrasesOf(file: string, text: string, problems: string[]): [string, string][] {
  let parsed: unknown;
  try {
    parsed = parseYaml(text);
  } catch (error) {
    // YAML reports a key repeated within one file here too ("Map keys must be unique").
    problems.push(`${file}: ${error instanceof Error ? error.message.split("\n")[0] : error}`);
    return [];
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
    problems.push(`${file} is not a mapping of message keys to phrases`);
    return [];
  }
  const phrases: [string, string][] = [];
  for (const [key, value] of Object.entries(parsed)) {
    if (typeof value === "string" || typeof value === "number" || typeof value === "boolean") {
      phrases.push([key, String(value)]);
    } else problems.push(`${file}: key \`${key}\` is not a phrase (text)`);
  }
  return phrases;
}
