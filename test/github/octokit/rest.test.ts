/** The port's REST reads and writes: one request each, with pages counted one by one. */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { API, createPort, useNock } from "./setup.js";

const REPO = { owner: "acme", repo: "widgets" };

describe("getPermission", () => {
  useNock();
  const path = "/repos/acme/widgets/collaborators/alice/permission";

  it.each([
    [{ permission: "write", role_name: "maintain" }, "maintain"],
    [{ permission: "read", role_name: "triage" }, "triage"],
    [{ permission: "write", role_name: "release-manager" }, "write"],
  ])("reads %o as %s", async (body, expected) => {
    const { github, requests } = createPort();
    nock(API).get(path).reply(200, body);
    expect(await github.getPermission(REPO, "alice")).toBe(expected);
    expect(requests).toEqual(["getPermission"]);
  });

  it("treats a non-collaborator (404) as none", async () => {
    const { github } = createPort();
    nock(API).get(path).reply(404, { message: "Not Found" });
    expect(await github.getPermission(REPO, "alice")).toBe("none");
  });

  it("reports a rate limit rather than guessing", async () => {
    const { github } = createPort();
    nock(API)
      .get(path)
      .reply(403, { message: "API rate limit exceeded" }, { "x-ratelimit-remaining": "0" });
    await expect(github.getPermission(REPO, "alice")).rejects.toMatchObject({
      kind: "rate-limited",
      status: 403,
    });
  });
});

describe("findLabel", () => {
  useNock();

  it("reads a label by name as its node id, in one request", async () => {
    const { github, requests } = createPort();
    nock(API)
      .get("/repos/acme/widgets/labels/Squad%3A%20Active")
      .reply(200, { id: 7, node_id: "LA_7", name: "Squad: Active", color: "5319e7" });
    expect(await github.findLabel(REPO, "Squad: Active")).toEqual({
      id: "LA_7",
      name: "Squad: Active",
    });
    expect(requests).toEqual(["findLabel"]);
  });

  it("answers null when there is no such label", async () => {
    const { github } = createPort();
    nock(API).get("/repos/acme/widgets/labels/gone").reply(404, { message: "Not Found" });
    expect(await github.findLabel(REPO, "gone")).toBeNull();
  });
});

describe("isTeamMember", () => {
  useNock();
  const path = "/orgs/acme/teams/maintainers/memberships/alice";

  it.each([
    ["active", true],
    ["pending", false],
  ])("answers %s membership with %s", async (state, expected) => {
    const { github, requests } = createPort();
    nock(API).get(path).reply(200, { state, role: "member" });
    expect(await github.isTeamMember("acme", "maintainers", "alice")).toBe(expected);
    expect(requests).toEqual(["isTeamMember"]);
  });

  it("answers false for a non-member (404)", async () => {
    const { github } = createPort();
    nock(API).get(path).reply(404, { message: "Not Found" });
    expect(await github.isTeamMember("acme", "maintainers", "alice")).toBe(false);
  });
});

describe("getFile", () => {
  useNock();
  const contents = /\/repos\/acme\/widgets\/contents\/\.github(\/|%2F)squad-bot\.yml/;
  const text = "squads:\n  - name: Ünïcode ✓\n";

  it("decodes base64 content at a ref", async () => {
    const { github, requests } = createPort();
    const base64 = Buffer.from(text)
      .toString("base64")
      .replace(/(.{20})/g, "$1\n");
    nock(API)
      .get(contents)
      .query({ ref: "main" })
      .reply(200, { type: "file", encoding: "base64", content: base64 });
    expect(await github.getFile(REPO, ".github/squad-bot.yml", "main")).toBe(text);
    expect(requests).toEqual(["getFile"]);
  });

  it("returns null when the file or repository is missing", async () => {
    const { github } = createPort();
    nock(API).get(contents).reply(404, { message: "Not Found" });
    expect(await github.getFile(REPO, ".github/squad-bot.yml")).toBeNull();
  });

  it("returns null for a directory", async () => {
    const { github } = createPort();
    nock(API)
      .get(contents)
      .reply(200, [{ type: "file", name: "a.md" }]);
    expect(await github.getFile(REPO, ".github/squad-bot.yml")).toBeNull();
  });
});

describe("listPullRequestFiles", () => {
  useNock();
  const files = (from: number, count: number) =>
    Array.from({ length: count }, (_, index) => ({ filename: `src/f${from + index}.ts` }));
  const next = (page: number) => ({
    link: `<${API}/repositories/1/pulls/5/files?per_page=100&page=${page}>; rel="next"`,
  });

  it("follows the Link header, one counted request per page", async () => {
    const { github, requests } = createPort();
    const path = "/repos/acme/widgets/pulls/5/files";
    nock(API)
      .get(path)
      .query({ per_page: 100, page: 1 })
      .reply(200, files(0, 100), next(2))
      .get(path)
      .query({ per_page: 100, page: 2 })
      .reply(200, [{ filename: "docs/new.md", previous_filename: "docs/old.md" }]);
    const paths = await github.listPullRequestFiles(REPO, 5);
    expect(paths).toHaveLength(102);
    expect(paths.slice(-2)).toEqual(["docs/new.md", "docs/old.md"]);
    expect(requests).toEqual(["listPullRequestFiles", "listPullRequestFiles"]);
  });

  it("stops after one full page when GitHub says there is no next page", async () => {
    const { github, requests } = createPort();
    nock(API)
      .get("/repos/acme/widgets/pulls/5/files")
      .query({ per_page: 100, page: 1 })
      .reply(200, files(0, 100));
    expect(await github.listPullRequestFiles(REPO, 5)).toHaveLength(100);
    expect(requests).toHaveLength(1);
  });
});

describe("createCheckRun", () => {
  useNock();

  it("posts a completed run with its output, cut to GitHub's byte limit", async () => {
    const { github, requests } = createPort();
    let sent: { output: { summary: string; text: string } } | undefined;
    nock(API)
      .post("/repos/acme/widgets/check-runs", (body) => {
        sent = body;
        return true;
      })
      .reply(201, { id: 1 });
    await github.createCheckRun(REPO, {
      headSha: "abc123",
      name: "squad-bot / ownership",
      conclusion: "failure",
      title: "2 files need an owner",
      summary: "short",
      text: "🚀".repeat(20_000),
    });
    expect(requests).toEqual(["createCheckRun"]);
    expect(sent).toMatchObject({
      head_sha: "abc123",
      name: "squad-bot / ownership",
      status: "completed",
      conclusion: "failure",
      output: { title: "2 files need an owner", summary: "short" },
    });
    const textBytes = Buffer.byteLength(sent?.output.text ?? "");
    expect(textBytes).toBeLessThanOrEqual(65_535);
    expect(sent?.output.text).toMatch(/^(🚀)+\n\n… \(truncated\)$/u);
  });
});

describe("listCheckRuns and updateCheckRun", () => {
  useNock();

  it("lists a commit's latest runs of one name, with the app that wrote each", async () => {
    const { github, requests } = createPort();
    nock(API)
      .get("/repos/acme/widgets/commits/abc123/check-runs")
      .query({ check_name: "squad-bot config", filter: "latest", per_page: 100 })
      .reply(200, {
        total_count: 2,
        check_runs: [
          {
            id: 7,
            name: "squad-bot config",
            head_sha: "abc123",
            conclusion: "failure",
            output: { title: "1 problem", summary: "s", text: null },
            app: { slug: "squad-bot" },
          },
          {
            id: 8,
            name: "squad-bot config",
            head_sha: "abc123",
            conclusion: null,
            output: { title: null, summary: null, text: null },
            app: null,
          },
        ],
      });
    expect(await github.listCheckRuns(REPO, "abc123", "squad-bot config")).toEqual([
      {
        id: 7,
        name: "squad-bot config",
        headSha: "abc123",
        conclusion: "failure",
        title: "1 problem",
        summary: "s",
        text: "",
        author: "squad-bot[bot]",
      },
      {
        id: 8,
        name: "squad-bot config",
        headSha: "abc123",
        conclusion: null,
        title: "",
        summary: "",
        text: "",
        author: "ghost",
      },
    ]);
    expect(requests).toEqual(["listCheckRuns"]);
  });

  it("updates a run in place as completed, its output cut as on create", async () => {
    const { github, requests } = createPort();
    let sent: { status: string; output: { summary: string } } | undefined;
    nock(API)
      .patch("/repos/acme/widgets/check-runs/7", (body) => {
        sent = body;
        return true;
      })
      .reply(200, { id: 7 });
    await github.updateCheckRun(REPO, 7, {
      headSha: "abc123",
      name: "squad-bot config",
      conclusion: "success",
      title: "Valid",
      summary: "é".repeat(40_000),
    });
    expect(requests).toEqual(["updateCheckRun"]);
    expect(sent).toMatchObject({ status: "completed", conclusion: "success" });
    expect(Buffer.byteLength(sent?.output.summary ?? "")).toBeLessThanOrEqual(65_535);
  });
});

describe("issues", () => {
  useNock();
  const restIssue = (number: number, extra: object = {}) => ({
    node_id: `I_${number}`,
    number,
    title: `Issue ${number}`,
    body: null,
    state: "open",
    user: { login: "alice" },
    ...extra,
  });

  it("lists issues with a label, newest first, leaving out pull requests", async () => {
    const { github, requests } = createPort();
    nock(API)
      .get("/repos/acme/widgets/issues")
      .query({
        labels: "phase: idea",
        state: "all",
        sort: "created",
        direction: "desc",
        per_page: 100,
      })
      .reply(200, [restIssue(3), restIssue(2, { pull_request: { url: "x" } }), restIssue(1)]);
    const issues = await github.listIssuesWithLabel(REPO, "phase: idea", "all");
    expect(issues.map((issue) => issue.number)).toEqual([3, 1]);
    expect(issues[0]).toEqual({
      id: "I_3",
      number: 3,
      title: "Issue 3",
      body: "",
      state: "open",
      author: "alice",
    });
    expect(requests).toEqual(["listIssuesWithLabel"]);
  });

  it("creates an issue and returns its summary", async () => {
    const { github, requests } = createPort();
    const issue = { title: "Weekly digest", body: "…", labels: ["digest"] };
    nock(API)
      .post("/repos/acme/widgets/issues", issue)
      .reply(201, restIssue(9, { title: "Weekly digest", body: "…", user: null }));
    expect(await github.createIssue(REPO, issue)).toEqual({
      id: "I_9",
      number: 9,
      title: "Weekly digest",
      body: "…",
      state: "open",
      author: "ghost",
    });
    expect(requests).toEqual(["createIssue"]);
  });

  it("maps a refused write to a validation error", async () => {
    const { github } = createPort();
    nock(API).post("/repos/acme/widgets/issues").reply(422, { message: "Validation Failed" });
    await expect(
      github.createIssue(REPO, { title: "x", body: "", labels: [] }),
    ).rejects.toMatchObject({ kind: "validation", status: 422 });
  });
});
