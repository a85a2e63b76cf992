/** The dashboard's settings as a repository's config gives them, or null when it is off. */
import type { Config } from "../../config/schema.js";
import { sectionOn } from "../feature.js";
import type { DashboardConfig } from "./config.js";

export function dashboardSettings(config: Config): DashboardConfig | null {
  return config.dashboard && sectionOn(config.dashboard) ? config.dashboard : null;
}
