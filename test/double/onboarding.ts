/** The onboarding read of the in-memory GitHub, as the GraphQL query answers it. */
import type { OnboardingSnapshot, RepoRef } from "../../src/github/types.js";
import { cardInFirstComments } from "./digest-source.js";
import type { MemoryGitHubSetup } from "./setup.js";

/** The query's page sizes: 20 labelled issues each, 100 repository labels. */
const ISSUES = 20;
const LABELS = 100;

export function onboardingSnapshot(
  github: MemoryGitHubSetup,
  repo: RepoRef & { id: string },
  label: string,
  cardLabels: string[],
): OnboardingSnapshot {
  const has = (labels: string[], names: string[]) =>
    labels.some((l) => names.some((n) => n.toLowerCase() === l.toLowerCase()));
  const issues = github.issues(repo);
  const byCreation = [...issues].sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const byUpdate = [...issues].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  return {
    repositoryId: repo.id,
    labels: github
      .repoLabels(repo)
      .slice(0, LABELS)
      .map((l) => l.name),
    issues: byCreation
      .filter((i) => has(i.labels, [label]))
      .slice(0, ISSUES)
      .map((i) => ({
        id: i.id,
        number: i.number,
        title: i.title,
        body: i.body,
        state: i.state,
        author: i.author,
        createdAt: i.createdAt,
        byThisApp: i.author.toLowerCase() === github.appLogin.toLowerCase(),
      })),
    cardFound: byUpdate
      .filter((i) => has(i.labels, cardLabels))
      .slice(0, ISSUES)
      .some((i) => cardInFirstComments(i, github.appLogin) !== null),
  };
}
