import { describe, expect, it } from "vitest";
import { deepMerge, ownerOf } from "../../src/config/merge.js";

describe("deepMerge", () => {
  it("merges mappings key by key and lets lists, scalars and null replace", () => {
    const base = { a: { x: 1, y: [1, 2] }, b: "keep", c: { z: 1 } };
    const overlay = { a: { y: [3] }, c: null };
    expect(deepMerge(base, overlay)).toEqual({ a: { x: 1, y: [3] }, b: "keep", c: null });
    expect(base.a.y).toEqual([1, 2]);
  });

  it("keeps `__proto__` an ordinary key, so validation can reject it", () => {
    const overlay = JSON.parse('{"__proto__": {"polluted": true}}');
    const merged = deepMerge({}, overlay);
    expect(Object.keys(merged)).toEqual(["__proto__"]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe("ownerOf", () => {
  const preset = { labels: { color: "x", blocked: "b" }, phases: [{ id: "a" }] };
  const org = { labels: { color: "y" }, phases: [{ id: "b" }, { id: "c" }] };
  const repo = { labels: { protected: ["p"] } };

  it.each<[(string | number)[], number]>([
    [["labels", "color"], 1],
    [["labels", "blocked"], 0],
    [["labels", "protected", 0], 2],
    [["phases", 1, "id"], 1],
    [["labels", "unknown"], 2],
    [["missing"], 2],
    [[], 2],
  ])("%j comes from layer %i", (path, owner) => {
    expect(ownerOf(path, [preset, org, repo])).toBe(owner);
  });

  it("a later list owns everything below it, even where an earlier one was longer", () => {
    expect(ownerOf(["phases", 0, "entry"], [{ phases: [{ entry: [] }] }, { phases: [{}] }])).toBe(
      1,
    );
  });

  it("a later mapping over an earlier scalar shares nothing with it", () => {
    expect(
      ownerOf(["labels", "color"], [{ labels: { color: "x" } }, { labels: null }, { labels: {} }]),
    ).toBe(2);
  });
});
