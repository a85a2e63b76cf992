/** The double answers the port's reads the way GitHub does. */
import { describe, expect, it } from "vitest";
import { GitHubError } from "../../src/github/port.js";
import { createWorld } from "../double/fixtures.js";

const APP = "squad-bot[bot]";

describe("loadIssue", () => {
  it("returns null for an issue that does not exist", async () => {
    const { github, issue } = createWorld();
    expect(await github.loadIssue(issue(42), { labelNames: [] })).toBeNull();
  });

  it("throws not-found for a repository that does not exist", async () => {
    const { github } = createWorld();
    const load = github.loadIssue({ owner: "medic", repo: "nope", number: 1 }, { labelNames: [] });
    await expect(load).rejects.toMatchObject({ kind: "not-found", status: 404 });
    await expect(load).rejects.toBeInstanceOf(GitHubError);
  });

  it("trusts only comments the app wrote, whatever their text says", async () => {
    const { github, repo, people } = createWorld({ appLogin: APP });
    const { ref } = github.as(people.user).openIssue(repo, { title: "Idea" });
    github.as(people.user).comment(ref, "<!-- squad-bot:card {} --> pasted by a user");
    const loaded = await github.loadIssue(ref, { labelNames: [] });
    const [subject] = loaded?.comments ?? [];
    await github.mutate([{ op: "addComment", subjectId: loaded?.id ?? "", body: "bot card" }]);
    const reloaded = await github.loadIssue(ref, { labelNames: [] });
    expect(subject?.byThisApp).toBe(false);
    expect(reloaded?.comments.map((c) => [c.author, c.byThisApp])).toEqual([
      [people.user, false],
      [APP, true],
    ]);
  });

  it("resolves requested labels case-insensitively, leaving out missing ones", async () => {
    const { github, repo, people } = createWorld();
    github.createLabel(repo, { name: "Phase: Building", color: "5319e7" });
    const { ref } = github.as(people.user).openIssue(repo, { title: "Idea" });
    const loaded = await github.loadIssue(ref, {
      labelNames: ["phase: building", "PHASE: BUILDING", "phase: missing"],
    });
    expect(loaded?.repoLabels).toEqual([{ id: expect.any(String), name: "Phase: Building" }]);
  });

  it("reports the issue as GitHub holds it, thumbs-up reactions included", async () => {
    const { github, repo, people } = createWorld();
    const { ref } = github.as(people.user).openIssue(repo, {
      title: "Offline sync",
      body: "Please",
      labels: ["Feature"],
    });
    github.as(people.writer).react(ref, "+1");
    github.as(people.maintainer).react(ref, "+1");
    github.as(people.maintainer).react(ref, "+1");
    github.as(people.maintainer).react(ref, "heart");
    const loaded = await github.loadIssue(ref, { labelNames: [] });
    expect(loaded).toMatchObject({
      id: expect.stringMatching(/^I_\d+$/),
      ref,
      repositoryId: repo.id,
      title: "Offline sync",
      body: "Please",
      state: "open",
      author: people.user,
      url: `https://github.com/medic/cht-core/issues/${ref.number}`,
      labels: [{ id: expect.stringMatching(/^LA_\d+$/), name: "Feature" }],
      thumbsUp: 2,
    });
  });
});

describe("getPermission and isTeamMember", () => {
  it("answers collaborators' permission, admin for org owners and none for others", async () => {
    const { github, repo, people } = createWorld();
    expect(await github.getPermission(repo, people.maintainer)).toBe("triage");
    expect(await github.getPermission(repo, people.writer)).toBe("write");
    expect(await github.getPermission(repo, "WES-WRITER")).toBe("write");
    expect(await github.getPermission(repo, people.owner)).toBe("admin");
    expect(await github.getPermission(repo, people.user)).toBe("none");
  });

  it("knows team members and says false for unknown teams", async () => {
    const { github, people } = createWorld();
    expect(await github.isTeamMember("medic", "maintainers", people.maintainer)).toBe(true);
    expect(await github.isTeamMember("medic", "maintainers", people.user)).toBe(false);
    expect(await github.isTeamMember("medic", "ghosts", people.maintainer)).toBe(false);
  });
});

describe("getFile", () => {
  it("reads the default branch, a named branch, a commit sha, or null", async () => {
    const { github, repo, people } = createWorld({ config: "enabled: true\n" });
    const path = ".github/squad-bot.yml";
    const writer = github.as(people.writer);
    const first = writer.push(repo, { files: { "README.md": "# CHT" } });
    writer.push(repo, { branch: "feature", files: { [path]: "enabled: false\n" } });
    writer.push(repo, { files: { [path]: "dryRun: true\n" } });
    expect(await github.getFile(repo, path)).toBe("dryRun: true\n");
    expect(await github.getFile(repo, path, "feature")).toBe("enabled: false\n");
    expect(await github.getFile(repo, path, "refs/heads/feature")).toBe("enabled: false\n");
    expect(await github.getFile(repo, path, first.sha)).toBe("enabled: true\n");
    expect(await github.getFile(repo, "missing.md")).toBeNull();
    expect(await github.getFile(repo, path, "no-such-branch")).toBeNull();
    expect(await github.getFile({ owner: "medic", repo: ".github" }, path)).toBeNull();
  });
});

describe("listIssuesWithLabel and createIssue", () => {
  it("lists issues by label case-insensitively, newest first, filtered by state", async () => {
    const { github, repo, people } = createWorld();
    const actor = github.as(people.maintainer);
    const first = actor.openIssue(repo, { title: "one", labels: ["Squad"] }).ref;
    actor.openIssue(repo, { title: "two", labels: ["squad"] });
    actor.openIssue(repo, { title: "three" });
    actor.close(first);
    const titles = async (state: "open" | "closed" | "all") =>
      (await github.listIssuesWithLabel(repo, "SQUAD", state)).map((i) => i.title);
    expect(await titles("all")).toEqual(["two", "one"]);
    expect(await titles("open")).toEqual(["two"]);
    expect(await titles("closed")).toEqual(["one"]);
    expect(await github.listIssuesWithLabel(repo, "nothing", "all")).toEqual([]);
  });

  it("creates issues authored by the app, creating missing labels", async () => {
    const { github, repo } = createWorld({ appLogin: APP });
    github.createLabel(repo, "Digest");
    const created = await github.createIssue(repo, {
      title: "Weekly digest",
      body: "…",
      labels: ["digest", "new-one"],
    });
    expect(created).toMatchObject({ title: "Weekly digest", author: APP, state: "open" });
    expect(github.labelsOf({ ...repo, number: created.number })).toEqual(["Digest", "new-one"]);
    expect(github.repoLabels(repo).map((l) => l.name)).toEqual(["Digest", "new-one"]);
  });
});

describe("listPullRequestFiles and createCheckRun", () => {
  it("lists a pull request's changed files and stores check runs", async () => {
    const { github, repo, people } = createWorld();
    const opened = github.as(people.user).openPullRequest(repo, {
      files: { "config/a.yml": "a: 1\n", "docs/b.md": "# b" },
    });
    expect(await github.listPullRequestFiles(repo, opened.ref.number)).toEqual([
      "config/a.yml",
      "docs/b.md",
    ]);
    expect(await github.getFile(repo, "config/a.yml", opened.headSha)).toBe("a: 1\n");
    expect(await github.getFile(repo, "config/a.yml")).toBeNull();
    await expect(github.listPullRequestFiles(repo, 999)).rejects.toMatchObject({
      kind: "not-found",
    });
    const report = {
      headSha: opened.headSha,
      name: "squad-bot config",
      conclusion: "success" as const,
      title: "Valid",
      summary: "ok",
    };
    await github.createCheckRun(repo, report);
    expect(github.checkRuns(repo)).toEqual([
      { ...report, id: expect.any(Number), createdAt: expect.any(String) },
    ]);
  });
});
