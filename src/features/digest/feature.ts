/** Digests: the weekly squad digest and the monthly community digest, on the server's schedule. */
import { type FeatureDefinition, sectionOn } from "../feature.js";
import { digestJobs } from "./job.js";

export const digestFeature: FeatureDefinition = {
  name: "digest",
  section: "digests",
  isOn: (config) => sectionOn(config.digests),
  jobs: digestJobs,
};
