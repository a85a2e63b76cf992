/** The config-check feature: what the app wires to `push` and `pull_request`. */
export {
  CONFIG_ISSUE_LABEL,
  configChangedIn,
} from "./plan.js";
export {
  type ConfigReportOptions,
  reportCheckRun,
  reportConfigHealth,
  runConfigCheck,
} from "./run.js";
