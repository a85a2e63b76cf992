/** The repair sweep: reconciles, on a schedule, the features whose webhooks were lost. */
import type { FeatureDefinition } from "../feature.js";
import { sweepSettings } from "./config.js";
import { sweepJobs } from "./job.js";

export const sweepFeature: FeatureDefinition = {
  name: "sweep",
  section: "sweep",
  // On by default: `sweep: null` or `enabled: false` switches it off.
  isOn: (config) => sweepSettings(config) !== null,
  jobs: sweepJobs,
};
