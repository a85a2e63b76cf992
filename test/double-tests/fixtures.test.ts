/** The ready-made world has the org, repositories, people and config that feature tests assume. */
import { describe, expect, it } from "vitest";
import { CONFIG_PATH, createWorld, manualClock } from "../double/fixtures.js";

describe("createWorld", () => {
  it("sets up medic/cht-core with its people and installs the config", async () => {
    const world = createWorld({ config: "phases: []\n", maintainers: ["kai"] });
    const { github, repo, people } = world;
    expect(repo).toMatchObject({
      owner: "medic",
      repo: "cht-core",
      id: expect.stringMatching(/^R_/),
    });
    expect(world.maintainers).toEqual([people.maintainer, "kai"]);
    expect(await github.getFile(repo, CONFIG_PATH)).toBe("phases: []\n");
    const permissions = await Promise.all(
      [people.owner, people.maintainer, "kai", people.writer, people.user].map((login) =>
        github.getPermission(repo, login),
      ),
    );
    expect(permissions).toEqual(["admin", "triage", "triage", "write", "none"]);
    expect(await github.isTeamMember("medic", "maintainers", "kai")).toBe(true);
    expect(world.issue(3)).toEqual({ owner: "medic", repo: "cht-core", number: 3 });
  });

  it("adds more repositories, an org-wide config, and no config file unless given", async () => {
    const { github, repos } = createWorld({ repos: ["cht-core", "cht-conf"], orgConfig: "x: 1\n" });
    expect(repos.map((r) => r.repo)).toEqual(["cht-core", "cht-conf"]);
    expect(await github.getFile({ owner: "medic", repo: "cht-conf" }, CONFIG_PATH)).toBeNull();
    expect(await github.getFile({ owner: "medic", repo: ".github" }, CONFIG_PATH)).toBe("x: 1\n");
  });

  it("uses the given clock for what GitHub timestamps", () => {
    const clock = manualClock("2026-03-01T10:00:00Z");
    const { github, repo, people } = createWorld({ now: clock.now });
    const { ref } = github.as(people.user).openIssue(repo, { title: "Idea" });
    clock.advance({ days: 15, hours: 1 });
    github.as(people.maintainer).comment(ref, "later");
    expect(github.issue(ref)?.createdAt).toBe("2026-03-01T10:00:00Z");
    expect(github.commentsOf(ref)[0]?.createdAt).toBe("2026-03-16T11:00:00Z");
  });

  it("numbers issues and pull requests in one sequence, with deterministic ids", () => {
    const build = () => {
      const { github, repo, people } = createWorld();
      const issue = github.as(people.user).openIssue(repo, { title: "a" });
      const pr = github.as(people.user).openPullRequest(repo, { files: { "a.md": "a" } });
      const next = github.as(people.user).openIssue(repo, { title: "b" });
      return [issue.ref.number, pr.ref.number, next.ref.number, github.issue(next.ref)?.id, pr.id];
    };
    const first = build();
    expect(first.slice(0, 3)).toEqual([1, 2, 3]);
    expect(build()).toEqual(first);
  });
});
