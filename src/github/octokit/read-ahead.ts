/** The read-ahead over GraphQL: one document, the answer split into what each port call reads. */
import { GitHubError, type ReadAheadRequest, type ReadAheadResult } from "../port.js";
import type { RepoRef } from "../types.js";
import { type Client, send } from "./client.js";
import { CARD_COMMENTS } from "./digest-source.js";
import { asGraphqlFailure, type GraphqlFailure } from "./errors.js";
import { labelAlias } from "./graphql/load-issue.js";
import type { OnboardingRepositoryNode } from "./graphql/load-onboarding.js";
import { fieldAlias } from "./graphql/project-items.js";
import {
  boardFieldAlias,
  type ConfigBlobNode,
  type ReadAheadResponse,
  readAheadQuery,
} from "./graphql/read-ahead.js";
import { issueSnapshotOf, pullRequestSnapshotOf } from "./issue-loader.js";
import { onboardingSnapshotOf } from "./onboarding-loader.js";
import { projectSnapshotOf } from "./project-loader.js";

const KIND = "readAhead";
const ORG_CONFIG_REPO = ".github";

/** A file at `HEAD`, the default branch's head, as `getFile` without a ref reads it. */
const headExpression = (path: string): string => `HEAD:${path}`;

function variablesOf(repo: RepoRef, request: ReadAheadRequest): Record<string, unknown> {
  const variables: Record<string, unknown> = {
    owner: repo.owner,
    name: repo.repo,
    config: headExpression(request.configPath),
  };
  const { issue, project, onboarding } = request;
  if (request.pullRequest !== undefined) variables.number = request.pullRequest;
  if (issue) {
    variables.number = issue.number;
    issue.options.labelNames.forEach((name, index) => {
      variables[labelAlias(index)] = name;
    });
    issue.options.projectFields?.forEach((name, index) => {
      variables[fieldAlias(index)] = name;
    });
  }
  if (project) {
    variables.boardOrg = project.org;
    variables.boardNumber = project.number;
    project.fieldNames.forEach((name, index) => {
      variables[boardFieldAlias(index)] = name;
    });
  }
  if (onboarding) {
    variables.label = onboarding.label;
    variables.cardLabels = onboarding.cardLabels;
    variables.cardComments = CARD_COMMENTS;
  }
  return variables;
}

/**
 * Errors that leave the rest of the answer usable: a missing `.github` repository, board or
 * issue is an answer (null), and a refused board or project items are left to their own call.
 */
function tolerable(failure: GraphqlFailure): boolean {
  const path = failure.path ?? [];
  if (path[0] === "orgConfig" || path[0] === "board") return true;
  if (path.includes("projectItems")) return true;
  const thread = path[1] === "issue" || path[1] === "pullRequest";
  return failure.type === "NOT_FOUND" && (path.length === 1 || thread);
}

function fileText(blob: ConfigBlobNode | undefined, path: string): string | null {
  if (!blob || typeof blob.text !== "string") return null;
  // Blobs over about 512 KB come back truncated; no config should be that big.
  if (blob.isTruncated)
    throw new GitHubError(`${KIND}: ${path} is too large to read`, "validation");
  return blob.text;
}

/** Whether a part GitHub refused: then it is left out and read again by its own call. */
const refused = (errors: GraphqlFailure[], part: string): boolean =>
  errors.some((e) => e.path?.[0] === part && e.type !== "NOT_FOUND");

export async function readAhead(
  client: Client,
  repo: RepoRef,
  request: ReadAheadRequest,
): Promise<ReadAheadResult> {
  const orgFallback = repo.repo.toLowerCase() !== ORG_CONFIG_REPO;
  const { issue, project, onboarding } = request;
  const query = readAheadQuery({
    orgFallback,
    ...(issue
      ? {
          issue: {
            labelCount: issue.options.labelNames.length,
            projectFieldCount: issue.options.projectFields?.length,
          },
        }
      : {}),
    pullRequest: request.pullRequest !== undefined,
    ...(project ? { boardFieldCount: project.fieldNames.length } : {}),
    onboarding: onboarding !== undefined,
  });
  let errors: GraphqlFailure[] = [];
  const response = await send(client, KIND, async (octokit) => {
    try {
      return await octokit.graphql<ReadAheadResponse>(query, variablesOf(repo, request));
    } catch (error) {
      const partial = asGraphqlFailure(error);
      if (!partial?.data || !partial.errors.every(tolerable)) throw error;
      errors = partial.errors;
      return partial.data as ReadAheadResponse;
    }
  });
  const { repository } = response;
  const result: ReadAheadResult = {
    files: {
      own: fileText(repository?.config, request.configPath),
      org: orgFallback ? fileText(response.orgConfig?.config, request.configPath) : null,
    },
  };
  if (issue) {
    const ref = { ...repo, number: issue.number };
    result.issue = repository
      ? await issueSnapshotOf(
          client,
          ref,
          { ...repository, issue: repository.issue ?? null },
          issue.options,
        )
      : null;
  }
  if (request.pullRequest !== undefined) {
    const ref = { ...repo, number: request.pullRequest };
    const pull = repository?.pullRequest;
    result.pullRequest =
      repository && pull ? await pullRequestSnapshotOf(client, ref, repository.id, pull) : null;
  }
  if (project && !refused(errors, "board")) {
    const board = response.board?.projectV2;
    result.project = board ? projectSnapshotOf(board, project.fieldNames, boardFieldAlias) : null;
  }
  if (onboarding && repository) {
    result.onboarding = onboardingSnapshotOf(repository as unknown as OnboardingRepositoryNode);
  }
  return result;
}
