/** Layering of configuration files: mappings are merged key by key, everything else replaces. */

export type ConfigData = Record<string, unknown>;

export function isMapping(value: unknown): value is ConfigData {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * `overlay` over `base`: nested mappings merge, while lists, scalars and `null` replace, so giving
 * `phases` replaces every phase of the base instead of appending to them (as Probot's config does).
 * Built with `Object.fromEntries` so a `__proto__` key stays an ordinary (and invalid) key.
 */
export function deepMerge(base: ConfigData, overlay: ConfigData): ConfigData {
  const merged = new Map<string, unknown>(Object.entries(base));
  for (const [key, value] of Object.entries(overlay)) {
    const previous = merged.get(key);
    merged.set(key, isMapping(previous) && isMapping(value) ? deepMerge(previous, value) : value);
  }
  return Object.fromEntries(merged);
}

/** One step down a parsed YAML value; undefined when the step does not exist. */
export function childOf(value: unknown, key: string | number): unknown {
  if (Array.isArray(value)) return typeof key === "number" ? value[key] : undefined;
  if (isMapping(value) && Object.hasOwn(value, key)) return value[key];
  return undefined;
}

export function valueAt(value: unknown, path: readonly (string | number)[]): unknown {
  return path.reduce<unknown>((node, key) => childOf(node, key), value);
}

/**
 * Which layer a merged value at `path` came from (an index into `layers`, base first), following
 * the merge rule: a layer whose value is not a mapping owns everything below it; a mapping is
 * shared by the layers after the last one that replaced it. When the path leaves every layer,
 * the last layer that reached its deepest existing step owns it.
 */
export function ownerOf(path: readonly (string | number)[], layers: readonly unknown[]): number {
  let contributors = layers.map((node, index) => ({ node, index }));
  for (const key of path) {
    const present = contributors
      .map(({ node, index }) => ({ node: childOf(node, key), index }))
      .filter(({ node }) => node !== undefined);
    const last = present.at(-1);
    if (last === undefined) break;
    if (!isMapping(last.node)) return last.index;
    const replacedAt = present.findLastIndex(({ node }) => !isMapping(node));
    contributors = present.slice(replacedAt + 1);
  }
  return contributors.at(-1)?.index ?? layers.length - 1;
}
