/** The demo's implementation part shows what the README says it shows: roles, gates met, cycle 2. */
import { expect, it } from "vitest";
import { implementationDemo } from "../../scripts/demo-implementation.js";
import { templates } from "../support/templates.js";

it("takes an implementation from Initiation into cycle 2 and prints its card", async () => {
  const printed = (await implementationDemo(templates)).join("\n");
  expect(printed).toContain("### Squad card: Planning · cycle 2");
  expect(printed).toContain("Designers: [dee-designer]");
  expect(printed).toContain("Evaluation");
  expect(printed).toContain("section Cycle 2");
  // The lead and the people in roles, each once: pat-pm is both.
  expect(printed).toContain("3 in the squad");
});
