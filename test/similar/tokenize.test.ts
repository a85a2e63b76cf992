/** The tokenizer: what of an issue's Markdown becomes index terms. */
import { describe, expect, it } from "vitest";
import { plainText, tokenize, words } from "../../src/features/similar/tokenize.js";

describe("tokenize", () => {
  it("lower-cases, drops stop words and numbers, and stems", () => {
    expect(tokenize("The Offline users are SYNCING 42 reports")).toEqual([
      "offlin",
      "user",
      "sync",
      "report",
    ]);
  });

  it("splits words of any script and keeps accents", () => {
    expect(words("Über synchronisation — données reçues, 同步失败")).toEqual([
      "über",
      "synchronisation",
      "données",
      "reçues",
      "同步失败",
    ]);
  });

  it("removes code blocks, inline code, URLs, images, HTML comments and tags", () => {
    const text = [
      "Sync fails <!-- hidden template hint -->",
      "```js",
      "const replication = timeout();",
      "```",
      "See `medic-api` at https://example.org/path?x=1 and ![shot](https://img.example/a.png)",
      "<details>logs</details> [the forum](https://forum.example)",
    ].join("\n");
    const terms = tokenize(text);
    expect(terms).toEqual(["sync", "fail", "see", "log", "forum"]);
  });

  it("drops issue-template questions and their stock guidance, keeping the answers", () => {
    const body = [
      "**Is your feature request related to a problem? Please describe.**",
      "Nurses lose drafts when the tablet sleeps.",
      "**Describe the solution you'd like**",
      "A clear and concise description of what you want to happen.",
      "### Additional context",
      "_No response_",
    ].join("\n");
    expect(plainText(body).trim()).toBe("Nurses lose drafts when the tablet sleeps.");
  });

  it("can leave words unstemmed for the plain-TF baseline", () => {
    expect(tokenize("syncing reports", { stemming: false })).toEqual(["syncing", "reports"]);
  });

  it("treats an unclosed HTML comment as running to the end", () => {
    expect(tokenize("visible <!-- never closed secret")).toEqual(["visibl"]);
  });
});
