/** The onboarding read over GraphQL: one query, the app's own issues told apart by `viewerDidAuthor`. */
import { GitHubError } from "../port.js";
import type { OnboardingSnapshot, RepoRef } from "../types.js";
import { type Client, send } from "./client.js";
import { CARD_COMMENTS } from "./digest-source.js";
import {
  LOAD_ONBOARDING_QUERY,
  type LoadOnboardingResponse,
  type OnboardingRepositoryNode,
} from "./graphql/load-onboarding.js";
import { cardInFirstComments, present } from "./issue-pages.js";

export async function loadOnboarding(
  client: Client,
  repo: RepoRef,
  label: string,
  cardLabels: string[],
): Promise<OnboardingSnapshot> {
  const response = await send(client, "loadOnboarding", (octokit) =>
    octokit.graphql<LoadOnboardingResponse>(LOAD_ONBOARDING_QUERY, {
      owner: repo.owner,
      name: repo.repo,
      label,
      cardLabels,
      cardComments: CARD_COMMENTS,
    }),
  );
  const found = response.repository;
  if (!found) {
    throw new GitHubError(`loadOnboarding: no repository ${repo.owner}/${repo.repo}`, "not-found");
  }
  return onboardingSnapshotOf(found);
}

/** What `onboardingSelection` answered, in the port's shape. */
export function onboardingSnapshotOf(found: OnboardingRepositoryNode): OnboardingSnapshot {
  return {
    repositoryId: found.id,
    labels: present(found.labels?.nodes).map((l) => l.name),
    issues: present(found.onboarding.nodes).map((node) => ({
      id: node.id,
      number: node.number,
      title: node.title,
      body: node.body,
      state: node.state === "CLOSED" ? "closed" : "open",
      author: node.author?.login ?? "ghost",
      createdAt: node.createdAt,
      byThisApp: node.viewerDidAuthor,
    })),
    // Only the app's own comments are trusted: a pasted card marker counts for nothing.
    cardFound: present(found.tracked.nodes).some(
      (issue) =>
        cardInFirstComments(issue.number, issue.comments.nodes, (c) => c.viewerDidAuthor) !== null,
    ),
  };
}
