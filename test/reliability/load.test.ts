import { describe, expect, it } from "vitest";
import { buildScenario, deliverAll, invariantViolations } from "../support/load-scenario.js";

describe("a burst of concurrent, shuffled, repeated deliveries", () => {
  it.each([
    1, 2, 3,
  ])("converges to one card per feature with consistent labels (seed %i)", async (seed) => {
    const { app, refs, deliveries } = await buildScenario(50, seed);
    expect(deliveries.length).toBeGreaterThanOrEqual(500);
    await deliverAll(app, deliveries, 25);
    expect(invariantViolations(app, refs)).toEqual([]);
  });
});
