/**
 * Onboarding: until a maintainer turns squad-bot on in its one onboarding issue, the runtime's
 * config gate keeps every other feature from writing; this feature writes that issue, reads the
 * ticks in it and runs a requested backlog adoption. It runs whatever the config says (`isOn`
 * null) and reads past the gate through `scope.onboarding`.
 */
import { sameName } from "../../core/names.js";
import { configChangedIn } from "../config-check/index.js";
import type { FeatureDefinition, Scope } from "../feature.js";
import type { InstallationHint, IssueHint, PushHint } from "../hints.js";
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

/**
 * Repositories one installation event introduces squad-bot to, at most: an organization-wide
 * install may name hundreds, each costing a config read; the rest introduce themselves at their
 * first event or the next scheduled run.
 */
export const INTRODUCED_PER_INSTALL = 20;

/** Installed: each repository with a config gets its onboarding issue now, not at its first event. */
async function onInstall(scope: Scope, hint: InstallationHint): Promise<void> {
  const errors: unknown[] = [];
  for (const repo of hint.repos.slice(0, INTRODUCED_PER_INSTALL)) {
    // One repository's failure leaves the others introduced; the delivery then fails for retry.
    await ensureOnboarding(scope, repo).catch((error: unknown) => errors.push(error));
  }
  if (errors.length > 0) throw errors[0];
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
    installation: { run: onInstall },
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
