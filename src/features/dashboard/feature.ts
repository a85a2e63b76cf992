/** The community dashboard: a scheduled snapshot of squads and the community journey, served by `web/`. */
import { type FeatureDefinition, sectionOn } from "../feature.js";
import { dashboardJobs } from "./job.js";

export const dashboardFeature: FeatureDefinition = {
  name: "dashboard",
  section: "dashboard",
  available: (services) => services.store !== undefined,
  needs: "the contributor store",
  isOn: (config) => sectionOn(config.dashboard),
  jobs: dashboardJobs,
};
