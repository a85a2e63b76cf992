/** The scheduled jobs' reads of installations and their repositories: paginated, filtered. */
import nock from "nock";
import { ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { OctokitJobHost } from "../../../src/github/octokit/job-host.js";
import { API, useNock } from "./setup.js";

useNock();

const TestOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

const repo = (name: string, extra: object = {}) => ({
  name,
  owner: { login: "medic" },
  archived: false,
  disabled: false,
  ...extra,
});

describe("OctokitJobHost", () => {
  it("lists installations and repositories page by page, leaving out suspended and archived ones", async () => {
    const auths: (number | undefined)[] = [];
    const requests: string[] = [];
    const host = new OctokitJobHost(
      async (id) => {
        auths.push(id);
        return new TestOctokit({ auth: { token: id ? `installation-${id}` : "jwt" } });
      },
      (kind) => requests.push(kind),
    );
    nock(API)
      .get("/app/installations")
      .query({ per_page: "100" })
      .reply(200, [{ id: 1, suspended_at: null }], {
        link: `<${API}/app/installations?per_page=100&page=2>; rel="next"`,
      })
      .get("/app/installations")
      .query({ per_page: "100", page: "2" })
      .reply(200, [
        { id: 2, suspended_at: "2026-01-01T00:00:00Z" },
        { id: 3, suspended_at: null },
      ]);
    expect(await host.installations()).toEqual([1, 3]);

    nock(API)
      .get("/installation/repositories")
      .query({ per_page: "100" })
      .matchHeader("authorization", "token installation-3")
      .reply(
        200,
        { total_count: 3, repositories: [repo("cht-core"), repo("old", { archived: true })] },
        { link: `<${API}/installation/repositories?per_page=100&page=2>; rel="next"` },
      )
      .get("/installation/repositories")
      .query({ per_page: "100", page: "2" })
      .reply(200, { total_count: 3, repositories: [repo("cht-conf")] });
    expect(await host.repositories(3)).toEqual([
      { owner: "medic", repo: "cht-core" },
      { owner: "medic", repo: "cht-conf" },
    ]);
    expect(auths).toEqual([undefined, 3]);
    expect(requests).toEqual(["listInstallations", "listInstallationRepos"]);
  });
});
