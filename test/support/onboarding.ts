/** The onboarding issue as a person sees it, and the tick they give it (tests, bench, demo). */
import { ONBOARDING_LABEL } from "../../src/features/onboarding/status.js";
import type { TestApp } from "./app.js";

export function onboardingIssues(app: TestApp) {
  return app.github.issues(app.repo).filter((i) => i.labels.includes(ONBOARDING_LABEL));
}

export function onboardingIssue(app: TestApp) {
  const [issue, ...more] = onboardingIssues(app);
  if (!issue || more.length > 0)
    throw new Error(`expected one onboarding issue, got ${more.length + (issue ? 1 : 0)}`);
  return issue;
}

/** `login` ticks a box in the onboarding issue, as GitHub's task list does. */
export function tick(app: TestApp, login: string, box: "accept" | "adopt") {
  const issue = onboardingIssue(app);
  const ref = { ...app.repo, number: issue.number };
  const body = issue.body.replace(
    `- [ ] <!-- squad-bot:${box} -->`,
    `- [x] <!-- squad-bot:${box} -->`,
  );
  if (body === issue.body) throw new Error(`no unticked ${box} box`);
  return app.github.as(login).editBody(ref, body);
}
