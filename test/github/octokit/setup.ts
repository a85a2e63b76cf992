/** Shared setup for the Octokit port's nock tests: a real ProbotOctokit and a request tally. */
import nock from "nock";
import { ProbotOctokit } from "probot";
import { afterAll, afterEach, beforeAll } from "vitest";
import { OctokitGitHub } from "../../../src/github/octokit/index.js";

export const API = "https://api.github.com";

// Only the function form of defaults turns retry and throttling off (see github-notes.md).
const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

/** The port over a token-authenticated ProbotOctokit, and the kinds of requests it reported. */
export function createPort(): { github: OctokitGitHub; requests: string[] } {
  const requests: string[] = [];
  const octokit = new TestOctokit({ auth: { token: "test" } });
  const github = new OctokitGitHub(octokit, { onRequest: (kind) => requests.push(kind) });
  return { github, requests };
}

/** No real network, and no interceptor left over from one test to fail or pass the next. */
export function useNock(): void {
  beforeAll(() => nock.disableNetConnect());
  afterEach(() => {
    const unused = nock.pendingMocks();
    nock.cleanAll();
    if (unused.length > 0) throw new Error(`Unused nock interceptors: ${unused.join(", ")}`);
  });
  afterAll(() => nock.enableNetConnect());
}

/** A GraphQL request body as Octokit sends it. */
export interface GraphqlBody {
  query: string;
  variables?: Record<string, unknown>;
}

/** Mocks one GraphQL call, answering `response` and recording the body it was sent. */
export function mockGraphql(response: object, status = 200): GraphqlBody[] {
  const bodies: GraphqlBody[] = [];
  nock(API)
    .post("/graphql", (body: GraphqlBody) => {
      bodies.push(body);
      return true;
    })
    .reply(status, response);
  return bodies;
}
