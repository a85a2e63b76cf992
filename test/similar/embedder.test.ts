/**
 * The sentence encoder: loaded once, lazily; a failed load falls back. The one test file that
 * loads the real model (about a second), so the rest of the suite stays words-only and fast.
 */
import { describe, expect, it } from "vitest";
import { cosine, lazyEmbedder, loadSentenceEncoder } from "../../src/features/similar/embedder.js";

describe("lazyEmbedder", () => {
  it("loads once, on first use, however many callers", async () => {
    let loads = 0;
    const get = lazyEmbedder(async () => {
      loads += 1;
      return { embed: async (texts) => texts.map(() => [1]) };
    });
    expect(loads).toBe(0);
    const [a, b] = await Promise.all([get(), get()]);
    expect(a).toBe(b);
    expect(loads).toBe(1);
  });

  it("reports a failed load once and answers undefined from then on", async () => {
    const errors: unknown[] = [];
    let loads = 0;
    const get = lazyEmbedder(
      async () => {
        loads += 1;
        throw new Error("no weights");
      },
      (error) => errors.push(error),
    );
    expect(await get()).toBeUndefined();
    expect(await get()).toBeUndefined();
    expect(loads).toBe(1);
    expect(errors).toHaveLength(1);
  });
});

describe("cosine", () => {
  it("is 1 for the same direction, 0 for orthogonal or zero vectors", () => {
    expect(cosine([1, 2], [2, 4])).toBeCloseTo(1);
    expect(cosine([1, 0], [0, 3])).toBe(0);
    expect(cosine([0, 0], [1, 1])).toBe(0);
  });
});

describe("the Universal Sentence Encoder from its npm package", () => {
  it("loads offline and puts paraphrases closer than unrelated text", async () => {
    const model = await loadSentenceEncoder();
    const [a, b, c] = await model.embed([
      "Terminal does not render Chinese characters correctly",
      "CJK wide glyphs overlap in the integrated terminal",
      "Add a dark mode to the settings page",
    ]);
    expect(a).toHaveLength(512);
    expect(cosine(a as number[], b as number[])).toBeGreaterThan(
      cosine(a as number[], c as number[]),
    );
  });
});
