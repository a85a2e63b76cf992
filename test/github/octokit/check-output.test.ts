/** fitOutput keeps check-run text within GitHub's byte limit without breaking characters. */
import { describe, expect, it } from "vitest";
import { fitOutput } from "../../../src/github/octokit/check-output.js";

describe("fitOutput", () => {
  it("leaves text that fits alone", () => {
    expect(fitOutput("é".repeat(10), 20)).toBe("é".repeat(10));
  });

  it("counts bytes, not characters, and cuts only between characters", () => {
    const cut = fitOutput("é".repeat(40), 40);
    expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(40);
    expect(cut).toMatch(/^é+\n\n… \(truncated\)$/);
  });

  it("never splits a four-byte emoji", () => {
    for (let limit = 30; limit < 40; limit++) {
      const cut = fitOutput("🚀".repeat(20), limit);
      expect(Buffer.byteLength(cut)).toBeLessThanOrEqual(limit);
      expect(cut).not.toContain("\uFFFD");
    }
  });
});
