/** Real payloads from `@octokit/webhooks-examples`, picked by event and action, cloned per use. */
import { createRequire } from "node:module";

export type JsonObject = { [key: string]: unknown };

interface Definition {
  name: string;
  examples: JsonObject[];
}

/**
 * Actions the package has no example for, and the documented action whose payload has the same
 * shape: GitHub's `issues.closed` carries exactly what `issues.reopened` does.
 */
const STAND_INS: Record<string, string> = {
  "issues.closed": "reopened",
  // A deleted item's delivery carries the item as it was, like a restored one minus `changes`.
  "projects_v2_item.deleted": "restored",
};

const require = createRequire(import.meta.url);
let definitions: Definition[] | undefined;
const picked = new Map<string, JsonObject>();

function load(): Definition[] {
  definitions ??= require("@octokit/webhooks-examples/api.github.com/index.json") as Definition[];
  return definitions;
}

/** Non-null top-level keys: the richest example has `organization`, `installation`, a commit. */
function richness(example: JsonObject): number {
  return Object.values(example).filter((value) => value !== null && value !== undefined).length;
}

function pick(name: string, action: string | undefined): JsonObject {
  const key = `${name}.${action ?? ""}`;
  const known = picked.get(key);
  if (known) return known;
  const all = load().find((definition) => definition.name === name)?.examples ?? [];
  const wanted = action === undefined ? undefined : (STAND_INS[key] ?? action);
  const matching = all.filter((example) => example.action === wanted);
  const best = matching.reduce<JsonObject | undefined>(
    (a, b) => (a === undefined || richness(b) > richness(a) ? b : a),
    undefined,
  );
  if (!best) throw new Error(`@octokit/webhooks-examples has no ${key} example`);
  picked.set(key, best);
  return best;
}

/** A deep clone of the example for `name`/`action` (no action for `push`), safe to override. */
export function example(name: string, action?: string): JsonObject {
  const copy = structuredClone(pick(name, action));
  if (action !== undefined) copy.action = action;
  return copy;
}

/** The `organization` object of a real payload, for events whose chosen example lacks one. */
export function organizationTemplate(): JsonObject {
  return object(
    pick("issues", "labeled").organization ?? pick("issue_comment", "edited").organization,
  );
}

/** Narrows a payload member known to be an object; a missing one means the package changed. */
export function object(value: unknown): JsonObject {
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`expected an object in the webhook example, got ${JSON.stringify(value)}`);
  }
  return value as JsonObject;
}

/** Replaces `from` in every string of `value`, so the example's URLs point at our repository. */
export function rewriteStrings<T>(value: T, from: string, to: string): T {
  if (typeof value === "string") return value.split(from).join(to) as T;
  if (Array.isArray(value)) return value.map((item) => rewriteStrings(item, from, to)) as T;
  if (typeof value === "object" && value !== null) {
    const out: JsonObject = {};
    for (const [key, item] of Object.entries(value)) out[key] = rewriteStrings(item, from, to);
    return out as T;
  }
  return value;
}
