/** One rule for names everywhere: recognising a label and writing it can never disagree. */
import { describe, expect, it } from "vitest";
import { sameName } from "../../src/core/names.js";

describe("sameName", () => {
  it.each([
    ["Type: Feature", "type: feature", true],
    [" enhancement ", "enhancement", true],
    ["Squad-Bot[bot]", "squad-bot[bot]", true],
    ["phase: building", "phase: buildin", false],
    ["phase:building", "phase: building", false],
  ])("%j vs %j is %s", (a, b, same) => {
    expect(sameName(a, b)).toBe(same);
    expect(sameName(b, a)).toBe(same);
  });
});
