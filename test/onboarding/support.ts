/** A repository with a backlog, installed fresh: onboarding read from the in-memory GitHub. */
import type { Probot } from "probot";
import { Runtime } from "../../src/app/runtime.js";
import { onboardingFeature } from "../../src/features/onboarding/feature.js";
import type { IssueRef } from "../../src/github/types.js";
import { MemoryRecentIssues } from "../double/recent-issues.js";
import { startApp, type TestApp } from "../support/app.js";
import { templates } from "../support/templates.js";

export { onboardingIssue, onboardingIssues, tick } from "../support/onboarding.js";

export const CONFIG = `preset: squad-journey
onboarding:
  adopt:
    updatedWithinDays: 60
    perRun: 10
`;

export const FEATURE = { title: "Offline sync status", labels: ["enhancement"] };
const silent = { info: () => {}, warn: () => {}, error: () => {}, debug: () => {} };

export interface Installed extends TestApp {
  /** Feature requests updated in the last 60 days, and older ones, opened before install. */
  recent: IssueRef[];
  old: IssueRef[];
  /** Issues that are no feature requests. */
  others: IssueRef[];
}

/** 120 open issues from before the install: 20 old requests, 80 recent ones, 20 questions. */
export async function installedWithBacklog(config = CONFIG): Promise<Installed> {
  const app = await startApp({ config, onboarding: "github" });
  const user = app.github.as(app.people.user);
  const old = Array.from({ length: 20 }, (_, i) => {
    return user.openIssue(app.repo, { ...FEATURE, title: `Old request ${i}` }).ref;
  });
  app.clock.advance({ days: 100 });
  const recent = Array.from({ length: 80 }, (_, i) => {
    return user.openIssue(app.repo, { ...FEATURE, title: `Request ${i}` }).ref;
  });
  const others = Array.from({ length: 20 }, (_, i) => {
    return user.openIssue(app.repo, { title: `How do I ${i}?`, body: "Thanks" }).ref;
  });
  app.clock.advance({ days: 10 });
  return { ...app, recent, old, others };
}

/** The `index`th ref, which the arrangement made. */
export function nth(refs: IssueRef[], index: number): IssueRef {
  const ref = refs[index];
  if (!ref) throw new Error(`no ref ${index}`);
  return ref;
}

/** The scheduled onboarding run, as a fresh process runs it: state read from GitHub. */
export async function runOnboardingJob(app: TestApp): Promise<void> {
  const runtime = new Runtime({} as Probot, {
    githubFor: () => app.github,
    appLogin: async () => app.github.appLogin,
    now: app.clock.now,
    dryRun: false,
    templates,
  });
  const scope = runtime.scope(app.github, silent, 1, {
    recent: new MemoryRecentIssues(app.github),
  });
  const entry = await scope.onboarding(app.repo);
  if (!entry) throw new Error("no config");
  for (const job of onboardingFeature.jobs?.(entry.config, {}, entry.status) ?? []) {
    await job.run(scope, app.repo, app.clock.now());
  }
}
