import { describe, expect, it } from "vitest";
import { validateLayers } from "../../src/config/load.js";
import { loadPreset, PRESET_NAMES } from "../../src/config/presets.js";
import { type Config, configSchema } from "../../src/config/schema.js";
import { templates } from "../support/templates.js";

function presetConfig(name: (typeof PRESET_NAMES)[number]): Config {
  const result = validateLayers([{ source: "test", data: { preset: name } }], ["test"], templates);
  if (result.ok !== true) throw new Error(JSON.stringify(result));
  return result.config;
}

const criteria = (config: Config, id: string) =>
  config.phases.find((phase) => phase.id === id)?.entry;

describe("shipped presets", () => {
  it.each(PRESET_NAMES)("%s validates against the strict schema on its own", (name) => {
    const parsed = configSchema.safeParse(loadPreset(name, templates));
    expect(parsed.error?.issues ?? []).toEqual([]);
    expect(loadPreset(name, templates).preset).toBe(name);
  });

  it.each(PRESET_NAMES)("%s gives every phase a description and activities", (name) => {
    for (const phase of presetConfig(name).phases) {
      expect(phase.description, phase.id).not.toBe("");
      expect(phase.activities.length, phase.id).toBeGreaterThan(0);
    }
  });

  it("squad-journey is the default and follows the Squad journey", () => {
    const config = presetConfig("squad-journey");
    expect(config.preset).toBe("squad-journey");
    expect(config.phases.map((phase) => phase.id)).toEqual([
      "inception",
      "convergence",
      "building",
      "testing",
      "release",
      "measure",
      "sunset",
    ]);
    expect(config.phases.filter((phase) => phase.optional).map((phase) => phase.id)).toEqual([
      "sunset",
    ]);
    expect(config.phases[0]?.label).toBe("phase: inception");
    expect(criteria(config, "building")).toEqual([
      { type: "lead" },
      { type: "link", kind: "scope" },
      { type: "target" },
      { type: "link", kind: "board" },
    ]);
    expect(criteria(config, "release")).toEqual([
      { type: "checklist", heading: "Acceptance criteria" },
    ]);
    expect(criteria(config, "sunset")).toEqual([{ type: "reason" }]);
    expect(config.recognize).toEqual({
      labels: ["enhancement"],
      labelsWithTemplate: [],
      templateHeadings: ["Is your feature request related to a problem?"],
      excludeLabels: [],
    });
    expect(config.labels.blocked).toBe("blocked");
  });

  it("squad-journey splits the seed table's activities into checklist items", () => {
    const phases = presetConfig("squad-journey").phases;
    const activities = (id: string) => phases.find((phase) => phase.id === id)?.activities ?? [];
    expect(activities("inception")).toHaveLength(7);
    expect(activities("inception")).toContain("Add the item to the roadmap");
    expect(activities("convergence")).toHaveLength(6);
    expect(activities("convergence")).toContain("Create a tracking board for the activities");
    expect(activities("measure")).toContain("Monitor impact and usage");
  });

  it("an empty user file means the default preset", () => {
    const result = validateLayers([{ source: "test", data: {} }], ["test"], templates);
    expect(result.ok === true && result.config.preset).toBe("squad-journey");
  });

  it("cht uses the CHT docs' stages, labels and the other bot's protected labels", () => {
    const config = presetConfig("cht");
    expect(config.phases.map((phase) => [phase.id, phase.label])).toEqual([
      ["emerging", "Squad: Emerging"],
      ["early-design", "Squad: Early Design Discussion"],
      ["requirements-design", "Squad: Requirements & Design"],
      ["building", "Squad: Development/Building"],
      ["review", "Squad: Review"],
      ["release", "Squad: Release"],
      ["done", "Squad: Done"],
    ]);
    expect(criteria(config, "building")).toEqual([
      { type: "lead" },
      { type: "link", kind: "scope" },
      { type: "target" },
      { type: "link", kind: "board" },
    ]);
    expect(criteria(config, "release")).toEqual([
      { type: "checklist", heading: "Acceptance criteria" },
    ]);
    expect(config.recognize.labels).toEqual(["Type: Feature", "Feature Request"]);
    expect(config.recognize.labelsWithTemplate).toEqual(["Type: Improvement"]);
    expect(config.recognize.excludeLabels).toContain("Type: Technical issue");
    expect(config.recognize.templateHeadings).toEqual([
      "Is your feature request related to a problem? Please describe.",
      "What feature do you want to improve?",
    ]);
    expect(config.labels.blocked).toBe("Status: Blocked");
    expect(config.labels.protected).toEqual(["Waiting for contributor", "Ready for review"]);
    const done = config.phases.at(-1)?.activities ?? [];
    expect(done).toEqual(
      expect.arrayContaining([
        "Recognise everyone involved",
        "Close the related tickets",
        "Hold a retrospective",
      ]),
    );
  });
});
