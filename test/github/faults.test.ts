/** GitHub failing under squad-bot's Octokit: which failures are retried, with what backoff, and how the rest surface. */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { OctokitGitHub } from "../../src/github/octokit/index.js";
import { GitHubError } from "../../src/github/port.js";
import { createSquadBotOctokit, mayRetry } from "../../src/github/squad-bot-octokit.js";
import { API, useNock } from "./octokit/setup.js";

/** Backoff unit in ms: plugin-retry waits 1, 4, 9 units before retries 1, 2, 3 (1 s in production). */
const UNIT = 20;
const TIMEOUT_MS = 100;

// Throttling spaces GraphQL requests 1 s apart; it has its own test (retry-policy.test.ts).
function octokit() {
  const Octokit = createSquadBotOctokit({ timeoutMs: TIMEOUT_MS });
  return new Octokit({
    auth: { token: "test" },
    retry: { retryAfterBaseValue: UNIT },
    throttle: { enabled: false },
  });
}

const REPO = { owner: "medic", repo: "cht-core" };
const QUERY = "query { viewer { login } }";
const MUTATION =
  'mutation { addComment(input: {subjectId: "I_1", body: "hi"}) { clientMutationId } }';
const VIEWER = { data: { viewer: { login: "squad-bot[bot]" } } };

/** Answers `statuses` in order to GET /repos/medic/cht-core, counting the requests. */
function repoAnswers(...statuses: number[]): { count: number } {
  const seen = { count: 0 };
  for (const status of statuses) {
    nock(API)
      .get("/repos/medic/cht-core")
      .reply(() => {
        seen.count += 1;
        return [status, status < 400 ? { full_name: "medic/cht-core" } : { message: "boom" }];
      });
  }
  return seen;
}

async function failure(promise: Promise<unknown>): Promise<{ status?: number; message: string }> {
  try {
    await promise;
  } catch (error) {
    return error as { status?: number; message: string };
  }
  throw new Error("expected the request to fail");
}

describe("5xx and timeouts on reads", () => {
  useNock();

  it("retries a 502 once and succeeds with 2 requests", async () => {
    const seen = repoAnswers(502, 200);
    const { data } = await octokit().rest.repos.get(REPO);
    expect(data.full_name).toBe("medic/cht-core");
    expect(seen.count).toBe(2);
  });

  it("backs off 1, 4 and 9 units between three retries, then gives up with the status", async () => {
    const seen = repoAnswers(502, 503, 500, 502);
    const started = Date.now();
    const error = await failure(octokit().rest.repos.get(REPO));
    expect(error.status).toBe(502);
    expect(seen.count).toBe(4);
    expect(Date.now() - started).toBeGreaterThanOrEqual((1 + 4 + 9) * UNIT);
  });

  it("retries a GraphQL query that hit a 502", async () => {
    nock(API).post("/graphql").reply(502, { message: "Bad gateway" });
    nock(API).post("/graphql").reply(200, VIEWER);
    expect(await octokit().graphql(QUERY)).toEqual(VIEWER.data);
  });

  it("abandons an attempt that hangs past the timeout and retries it", async () => {
    nock(API)
      .get("/repos/medic/cht-core")
      .delayConnection(TIMEOUT_MS * 5)
      .reply(200, { full_name: "late" });
    const seen = repoAnswers(200);
    const started = Date.now();
    const { data } = await octokit().rest.repos.get(REPO);
    expect(data.full_name).toBe("medic/cht-core");
    expect(seen.count).toBe(1);
    expect(Date.now() - started).toBeLessThan(TIMEOUT_MS * 5);
  });

  it("reports a request that always hangs as a server failure naming the timeout", async () => {
    nock(API)
      .post("/graphql")
      .times(4)
      .delayConnection(TIMEOUT_MS * 5)
      .reply(200, VIEWER);
    const port = new OctokitGitHub(octokit());
    const error = await failure(port.loadIssue({ ...REPO, number: 1 }, { labelNames: [] }));
    expect(error).toBeInstanceOf(GitHubError);
    expect(error).toMatchObject({ kind: "server" });
    expect(error.message).toMatch(/^loadIssue failed .*timeout/i);
  });
});

describe("client errors", () => {
  useNock();

  it.each([400, 401, 404, 410, 422])("does not retry a %s", async (status) => {
    const seen = repoAnswers(status);
    expect((await failure(octokit().rest.repos.get(REPO))).status).toBe(status);
    expect(seen.count).toBe(1);
  });

  it("does not retry a 403 that is not a rate limit", async () => {
    const seen = repoAnswers(403);
    expect((await failure(octokit().rest.repos.get(REPO))).status).toBe(403);
    expect(seen.count).toBe(1);
  });
});

describe("writes that may have been applied", () => {
  useNock();

  it("does not resend a GraphQL mutation after a 502: the delivery fails instead", async () => {
    nock(API).post("/graphql").reply(502, { message: "Bad gateway" });
    const port = new OctokitGitHub(octokit());
    const error = await failure(
      port.mutate([{ op: "addComment", subjectId: "I_1", body: "Moved to Convergence" }]),
    );
    expect(error).toMatchObject({ kind: "server", status: 502 });
  });

  it("does not resend a mutation that timed out", async () => {
    nock(API)
      .post("/graphql")
      .delayConnection(TIMEOUT_MS * 5)
      .reply(200, {});
    const error = await failure(octokit().graphql(MUTATION));
    expect(error.message).toMatch(/timeout/i);
  });

  it("does not resend a REST POST (creating an issue) after a 502", async () => {
    nock(API).post("/repos/medic/cht-core/issues").reply(502, { message: "Bad gateway" });
    const error = await failure(octokit().rest.issues.create({ ...REPO, title: "Config" }));
    expect(error.status).toBe(502);
  });

  it("still retries idempotent writes (PATCH) after a 502", async () => {
    nock(API).patch("/repos/medic/cht-core/issues/comments/7").reply(502, {});
    nock(API).patch("/repos/medic/cht-core/issues/comments/7").reply(200, { id: 7 });
    const { data } = await octokit().rest.issues.updateComment({
      ...REPO,
      comment_id: 7,
      body: "card",
    });
    expect(data.id).toBe(7);
  });
});

describe("which requests may be retried", () => {
  it.each([
    [{ method: "GET", url: "/repos/{owner}/{repo}" }, true],
    [{ method: "PATCH", url: "/repos/{owner}/{repo}/issues/comments/{comment_id}" }, true],
    [{ method: "DELETE", url: "/repos/{owner}/{repo}/issues/comments/{comment_id}" }, true],
    [{ method: "POST", url: "/graphql", query: QUERY }, true],
    [{ method: "POST", url: "/graphql", query: `\n  ${MUTATION}` }, false],
    [{ method: "POST", url: "/repos/{owner}/{repo}/issues" }, false],
    [{ method: "POST", url: "/repos/{owner}/{repo}/check-runs" }, false],
  ])("%o → %s", (options, expected) => {
    expect(mayRetry(options)).toBe(expected);
  });
});
