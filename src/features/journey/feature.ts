/**
 * Roles and cycles of a journey (`roles`, `cycle`): the squad runs `/role` and `/cycle next`,
 * these definitions say where they are on, so `/help` and refusals follow the config.
 */
import type { FeatureDefinition } from "../feature.js";

export const rolesFeature: FeatureDefinition = {
  name: "roles",
  section: "roles",
  isOn: (config) => config.roles.length > 0 || config.journeys.some((j) => j.roles.length > 0),
  commands: ["role"],
};

export const cyclesFeature: FeatureDefinition = {
  name: "cycles",
  section: "cycle",
  isOn: (config) => config.cycle !== null || config.journeys.some((j) => j.cycle !== null),
  commands: ["cycle"],
};
