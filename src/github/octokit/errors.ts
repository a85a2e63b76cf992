/** Turns Octokit's REST and GraphQL failures into the port's typed GitHubError. */
import { GitHubError } from "../port.js";

type Kind = GitHubError["kind"];

/** One entry of a GraphQL response's `errors`; `path` starts at the failing field's alias. */
export interface GraphqlFailure {
  message: string;
  type?: string;
  path?: (string | number)[];
}

interface HttpFailureShape {
  status: number;
  message: string;
  response?: { headers?: Record<string, unknown> };
}

interface GraphqlFailureShape {
  name: "GraphqlResponseError";
  errors: GraphqlFailure[];
  data?: unknown;
}

// Duck-typed rather than `instanceof`: the error classes live in transitive packages we do not
// depend on directly, and a duplicated copy in node_modules would defeat `instanceof`.
function asHttpFailure(error: unknown): HttpFailureShape | undefined {
  const candidate = error as Partial<HttpFailureShape> | null;
  return typeof candidate?.status === "number" ? (candidate as HttpFailureShape) : undefined;
}

/** The `errors` and partial `data` of a GraphQL response that came back with errors. */
export function asGraphqlFailure(error: unknown): GraphqlFailureShape | undefined {
  const candidate = error as Partial<GraphqlFailureShape> | null;
  return candidate?.name === "GraphqlResponseError" && Array.isArray(candidate.errors)
    ? (candidate as GraphqlFailureShape)
    : undefined;
}

function isRateLimited(failure: HttpFailureShape): boolean {
  const headers = failure.response?.headers ?? {};
  // Primary limits empty the quota; secondary limits send retry-after and say so in the message.
  return (
    String(headers["x-ratelimit-remaining"]) === "0" ||
    headers["retry-after"] !== undefined ||
    /rate limit/i.test(failure.message)
  );
}

function kindOfStatus(failure: HttpFailureShape): Kind {
  const { status } = failure;
  if (status === 404) return "not-found";
  if (status === 429 || (status === 403 && isRateLimited(failure))) return "rate-limited";
  if (status === 401 || status === 403) return "forbidden";
  if (status === 422) return "validation";
  // Octokit reports network failures (no response at all) as status 500.
  if (status >= 500) return "server";
  return "unknown";
}

const GRAPHQL_KINDS: Record<string, Kind> = {
  NOT_FOUND: "not-found",
  FORBIDDEN: "forbidden",
  RATE_LIMITED: "rate-limited",
  UNPROCESSABLE: "validation",
  INTERNAL: "server",
};

function kindOfGraphqlFailure(failure: GraphqlFailure): Kind {
  return GRAPHQL_KINDS[failure.type ?? ""] ?? "unknown";
}

/** `action` names what we were doing, so the message tells a maintainer where it broke. */
export function toGitHubError(error: unknown, action: string): GitHubError {
  if (error instanceof GitHubError) return error;
  const graphql = asGraphqlFailure(error);
  if (graphql) {
    const first = graphql.errors[0];
    const messages = graphql.errors.map((failure) => failure.message).join("; ");
    return new GitHubError(
      `${action} failed: ${messages}`,
      first ? kindOfGraphqlFailure(first) : "unknown",
    );
  }
  const http = asHttpFailure(error);
  if (http) {
    return new GitHubError(
      `${action} failed (HTTP ${http.status}): ${http.message}`,
      kindOfStatus(http),
      http.status,
    );
  }
  const message = error instanceof Error ? error.message : String(error);
  return new GitHubError(`${action} failed: ${message}`, "unknown");
}
