/** The config-check feature: what the app wires to `push` and `pull_request`. */
export {
  CHECK_NAME,
  CONFIG_ERROR_MARKER,
  CONFIG_ISSUE_LABEL,
  type ConfigIssuePlan,
  configChangedIn,
  planConfigErrorIssue,
  problemsHash,
  renderCheckRun,
} from "./plan.js";
export { reportConfigHealth, runConfigCheck } from "./run.js";
