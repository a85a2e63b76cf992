/** A digest too long for one GitHub body loses whole sections from the end, never a cut mid-chart. */
import { describe, expect, it } from "vitest";
import { renderCommunityDigest } from "../../src/features/digest/community.js";
import { digestsConfigSchema } from "../../src/features/digest/config.js";
import { DIGEST_MAX_CHARS, fitSections } from "../../src/features/digest/fit.js";
import { parsePeriod } from "../../src/features/digest/period.js";
import { templates } from "../support/templates.js";

const chart = (n: number) => `\`\`\`mermaid\npie\n${'  "x" : 1\n'.repeat(n)}\`\`\``;

describe("fitSections", () => {
  it("keeps every section when they fit", () => {
    const text = fitSections(["a", "b"], (kept, left) => `${kept.join("|")}:${left}`, 100);
    expect(text).toBe("a|b:0");
  });

  it("drops sections from the end, whole, and says how many", () => {
    const sections = [chart(10), chart(10), chart(10)];
    const render = (kept: readonly string[], left: number) =>
      `# Digest\n\n${kept.join("\n\n")}\n\n${left > 0 ? `_${left} left out_` : ""}`;
    const text = fitSections(sections, render, chart(10).length * 2 + 40);
    expect(text).toContain("_1 left out_");
    // Every chart that is there is whole: fences pair up.
    expect((text.match(/```/g) ?? []).length % 2).toBe(0);
    expect(text.length).toBeLessThanOrEqual(chart(10).length * 2 + 40);
  });
});

describe("the monthly digest at GitHub's limit", () => {
  it("stays under the body limit by leaving out its last sections", () => {
    const period = parsePeriod("monthly", "2026-11", "Africa/Nairobi");
    if (!period) throw new Error("bad period");
    const repo = { owner: "medic", repo: "cht-core" };
    const many = Array.from({ length: 400 }, (_, i) => i);
    const long = "A very long title about offline sync and supervisors ".repeat(4);
    const settings = digestsConfigSchema.parse({ monthly: { listLimit: 100 } }).monthly;
    const rendered = renderCommunityDigest(
      {
        period,
        repos: [repo],
        newContributors: many.map((i) => ({ login: `person-${i}`, firstContribution: null })),
        milestones: many.map((i) => ({ login: `person-${i}`, milestone: long })),
        thriving: many.map((i) => ({ login: `person-${i}`, reason: long })),
        goodFirstIssues: many.map((i) => ({
          repo,
          number: i + 1,
          title: long,
          url: `https://github.com/medic/cht-core/issues/${i + 1}`,
        })),
      },
      settings,
      templates,
    );
    expect(rendered.markdown.length).toBeLessThanOrEqual(DIGEST_MAX_CHARS);
    expect(rendered.markdown).toMatch(/more sections? did not fit in one GitHub post/);
  });
});
