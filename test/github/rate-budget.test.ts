/** The shared rate budget: a resource below a tenth of its limit puts the installation near it. */
import { describe, expect, it } from "vitest";
import { RateBudget } from "../../src/github/rate-budget.js";

describe("RateBudget", () => {
  it("is near the limit when any resource of the installation is below a tenth", () => {
    const seen: string[] = [];
    const budget = new RateBudget((i, r, n) => seen.push(`${i}:${r}=${n}`));
    budget.seen("7", { "x-ratelimit-remaining": "4000", "x-ratelimit-limit": "5000" });
    expect(budget.nearLimit("7")).toBe(false);
    budget.seen("7", {
      "x-ratelimit-remaining": "400",
      "x-ratelimit-limit": "5000",
      "x-ratelimit-resource": "graphql",
    });
    expect(budget.nearLimit("7")).toBe(true);
    expect(budget.nearLimit("8")).toBe(false);
    expect(budget.nearLimit("70")).toBe(false);
    expect(seen).toEqual(["7:core=4000", "7:graphql=400"]);
  });

  it("ignores responses without rate-limit headers", () => {
    const budget = new RateBudget();
    budget.seen("7", {});
    expect(budget.nearLimit("7")).toBe(false);
  });
});
