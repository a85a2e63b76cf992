/** Config values that name a phase must name one that exists; a preset's own leftovers do not count. */
import { describe, expect, it } from "vitest";
import { validateLayers } from "../../src/config/load.js";
import { templates } from "../support/templates.js";

const FILE = "medic/cht-core:.github/squad-bot.yml";
const validate = (data: Record<string, unknown>) =>
  validateLayers([{ source: FILE, data }], [FILE], templates);

describe("phase references in the config", () => {
  it("a typo in a roadmap option key is refused with the phase it probably means", () => {
    const result = validate({
      roadmap: { project: { org: "medic", number: 1 }, options: { bulding: "Active" } },
    });
    expect(result.ok).toBe(false);
    if (result.ok !== false) return;
    expect(result.problems).toEqual([
      expect.objectContaining({
        source: FILE,
        path: "roadmap.options.bulding",
        message: expect.stringContaining("`bulding` is not a phase id (did you mean `building`?)"),
      }),
    ]);
  });

  it("a key far from every phase is refused with the list of phases", () => {
    const result = validate({
      roadmap: { project: { org: "medic", number: 1 }, options: { shipping: "Done" } },
    });
    expect(result.ok === false && result.problems[0]?.message).toMatch(
      /`shipping` is not a phase id; the phases are `inception`, `convergence`/,
    );
  });

  it("the cht preset's board mapping follows phases a repository replaces", () => {
    const result = validate({
      preset: "cht",
      phases: [
        { id: "idea", name: "Idea" },
        { id: "building", name: "Building" },
      ],
    });
    expect(result.ok).toBe(true);
    if (result.ok !== true) return;
    expect(result.config.roadmap?.options).toEqual({ building: "Active" });
  });

  it("but a key the repository writes itself is still checked against its own phases", () => {
    const result = validate({
      preset: "cht",
      phases: [{ id: "idea", name: "Idea" }],
      roadmap: { options: { ideas: "Emerging" } },
    });
    expect(result.ok === false && result.problems[0]?.message).toMatch(/did you mean `idea`/);
  });

  it("the shipped presets map only phases they have", () => {
    for (const preset of ["cht", "squad-journey"]) expect(validate({ preset }).ok).toBe(true);
  });
});
