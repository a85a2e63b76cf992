/** The Octokit-backed GitHub port, as the app's entry point and tests import it. */
export { OctokitGitHub } from "./octokit-github.js";
