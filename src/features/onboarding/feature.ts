/**
 * Onboarding: until a maintainer turns squad-bot on in its one onboarding issue, the runtime's
 * config gate keeps every other feature from writing; this feature writes that issue, reads the
 * ticks in it and runs a requested backlog adoption. It runs whatever the config says (`isOn`
 * null) and reads past the gate through `scope.onboarding`.
 */
import { sameName } from "../../core/names.js";
import { configChangedIn } from "../config-check/index.js";
import type { FeatureDefinition, Scope } from "../feature.js";
import type { IssueHint, PushHint } from "../hints.js";
import { ensureOnboarding, onOnboardingEdit, refreshOnboarding, runOnboardingJob } from "./run.js";
import { ONBOARDING_LABEL } from "./status.js";

/** Any event of a repository is the first one squad-bot may hear from it after installation. */
const ensure = {
  run: (scope: Scope, hint: { repo: IssueHint["repo"] }) => ensureOnboarding(scope, hint.repo),
};

async function onIssue(scope: Scope, hint: IssueHint): Promise<void> {
  const onboardingIssue = hint.labels.some((label) => sameName(label, ONBOARDING_LABEL));
  if (onboardingIssue && hint.action === "edited") {
    await onOnboardingEdit(scope, hint.repo, hint.sender);
  } else await ensureOnboarding(scope, hint.repo);
}

async function onPush(scope: Scope, hint: PushHint): Promise<void> {
  const onDefaultBranch = hint.ref === `refs/heads/${hint.defaultBranch}`;
  if (onDefaultBranch && configChangedIn(hint.paths)) await refreshOnboarding(scope, hint.repo);
  else await ensureOnboarding(scope, hint.repo);
}

export const onboardingFeature: FeatureDefinition = {
  name: "onboarding",
  section: "onboarding",
  isOn: null,
  on: {
    issue: { run: onIssue },
    comment: ensure,
    pullRequest: ensure,
    release: ensure,
    push: { run: onPush },
  },
  // Only while there is work: a waiting repository, or an adoption that is not finished.
  jobs: (config, _services, status) =>
    status.accepted && !(status.adoption && !status.adoption.done)
      ? []
      : [
          {
            name: "onboarding",
            cron: config.onboarding.adopt.cron,
            timezone: config.onboarding.adopt.timezone,
            sharesRateBudget: true,
            run: (scope, repo) => runOnboardingJob(scope, repo),
          },
        ],
};
