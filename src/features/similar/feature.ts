/** Intake: a new request's card lists earlier issues that may raise the same need (`related.ts`). */
import { type FeatureDefinition, sectionOn } from "../feature.js";

export const intakeFeature: FeatureDefinition = {
  name: "intake",
  section: "intake",
  isOn: (config) => sectionOn(config.intake),
};
