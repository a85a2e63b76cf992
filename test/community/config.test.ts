/** The community config: both preset snippets parse, defaults match, mistakes name their path. */
import { describe, expect, it } from "vitest";
import {
  communityConfigSchema,
  communitySettings,
  DEFAULT_MILESTONES,
} from "../../src/features/community/config.js";
import { presetConfig } from "./support.js";

const problems = (input: unknown) => {
  const result = communityConfigSchema.safeParse(input);
  return result.success ? [] : result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("community config", () => {
  it("fills the squad-journey snippet's values when the section is empty", () => {
    expect(communityConfigSchema.parse({})).toEqual(presetConfig("squad-journey"));
    expect(communitySettings({ preset: "cht" }).milestones).toEqual(DEFAULT_MILESTONES);
  });

  it("parses the cht snippet: no PR welcome, assignment advice, CHT links", () => {
    const cht = presetConfig("cht");
    expect(cht.welcome.firstPullRequest).toBe(false);
    expect(cht.welcome.askToBeAssigned).toBe(true);
    expect(cht.welcome.links.aiGuidelines).toMatch(/ai-guidelines/);
    expect(cht.welcome.goodFirstIssues.label).toBe("Good first issue");
  });

  it.each([
    [{ welcome: { firstIssues: true } }, "welcome"],
    [{ welcome: { links: { guide: "javascript:alert(1)" } } }, "welcome.links.guide"],
    [{ stages: { engagement: { days: 90, contributions: 1 } } }, "stages.engagement.contributions"],
    [{ milestones: [DEFAULT_MILESTONES[0], DEFAULT_MILESTONES[0]] }, "milestones.1.name"],
    [{ milestones: [{ name: "c-1", kind: "comment", count: 1 }] }, "milestones.0.kind"],
    [{ earlyAccess: { maxMentionsPerComment: 0 } }, "earlyAccess.maxMentionsPerComment"],
  ])("rejects %j at %s", (input, path) => {
    const found = problems(input);
    expect(found.some((p) => p.startsWith(`${path}:`))).toBe(true);
  });
});
