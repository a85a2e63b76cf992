/** Config checks: a check run on every commit that changes the config, and one issue while it is invalid. */
import type { FeatureDefinition } from "../feature.js";
import { onConfigPullRequest, onConfigPush, wantsPullRequest, wantsPush } from "./webhooks.js";

export const configCheckFeature: FeatureDefinition = {
  name: "config-check",
  section: "(always on)",
  isOn: null,
  on: {
    push: { wants: wantsPush, run: onConfigPush },
    pullRequest: { wants: wantsPullRequest, run: onConfigPullRequest },
  },
};
