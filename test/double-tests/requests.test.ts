/** Every port call is counted as the HTTP requests GitHub would see, pages and failures too. */
import { describe, expect, it } from "vitest";
import { GitHubError } from "../../src/github/port.js";
import { createWorld } from "../double/fixtures.js";

function worldWithComments(count: number) {
  const world = createWorld();
  const { github, repo, people } = world;
  const { ref } = github.as(people.user).openIssue(repo, { title: "Busy issue" });
  const talker = github.as(people.writer);
  for (let i = 0; i < count; i += 1) talker.comment(ref, `comment ${i}`);
  return { ...world, ref };
}

describe("request counting", () => {
  it.each([
    [0, 1],
    [100, 1],
    [101, 2],
    [250, 3],
  ])("loadIssue with %i comments costs %i requests", async (comments, requests) => {
    const { github, ref } = worldWithComments(comments);
    const loaded = await github.loadIssue(ref, { labelNames: [] });
    expect(loaded?.comments).toHaveLength(comments);
    expect(github.requestCount("loadIssue")).toBe(requests);
    expect(github.requestCount()).toBe(requests);
  });

  it.each([
    [0, 1],
    [100, 1],
    [250, 3],
    [3500, 30],
  ])("listPullRequestFiles with %i files costs %i requests", async (files, requests) => {
    const { github, repo, people } = createWorld();
    const changes = Object.fromEntries(
      Array.from({ length: files }, (_, i) => [`src/f${i}.ts`, `${i}`]),
    );
    const { ref } = github.as(people.user).openPullRequest(repo, { files: changes });
    const listed = await github.listPullRequestFiles(repo, ref.number);
    expect(listed).toHaveLength(Math.min(files, 3000));
    expect(github.requestCount("listPullRequestFiles")).toBe(requests);
  });

  it("records method and detail, counts writes, and resets", async () => {
    const { github, repo, ref, people } = worldWithComments(0);
    const loaded = await github.loadIssue(ref, { labelNames: [] });
    await github.getPermission(repo, people.user);
    await github.mutate([{ op: "addComment", subjectId: loaded?.id ?? "", body: "hi" }]);
    await github.createIssue(repo, { title: "Digest", body: "", labels: [] });
    await github.getFile(repo, "README.md", "main");
    expect(github.requests).toEqual([
      { method: "loadIssue", detail: "medic/cht-core#1" },
      { method: "getPermission", detail: "medic/cht-core uma-user" },
      { method: "mutate", detail: "addComment" },
      { method: "createIssue", detail: "medic/cht-core Digest" },
      { method: "getFile", detail: "medic/cht-core:README.md@main" },
    ]);
    expect(github.writeCount()).toBe(2);
    expect(github.requestCount((r) => r.method.startsWith("get"))).toBe(2);
    github.resetRequests();
    expect(github.requestCount()).toBe(0);
  });

  it("does not count people's actions, setup, or inspection", () => {
    const { github, repo, ref, people } = worldWithComments(3);
    github.as(people.maintainer).addLabel(ref, "triaged");
    github.setFile(repo, "a.md", "a");
    github.issue(ref);
    github.labelsOf(ref);
    github.commentsOf(ref);
    github.botComments(ref);
    github.repoLabels(repo);
    github.checkRuns(repo);
    github.drainAppEvents();
    expect(github.requestCount()).toBe(0);
  });
});

describe("failNext", () => {
  it("throws a GitHubError for the next calls of a method, counting them as requests", async () => {
    const { github, repo, people } = createWorld();
    github.failNext("getPermission", "rate-limited", 2);
    const attempt = () => github.getPermission(repo, people.writer);
    await expect(attempt()).rejects.toMatchObject({ kind: "rate-limited", status: 429 });
    await expect(attempt()).rejects.toBeInstanceOf(GitHubError);
    expect(await attempt()).toBe("write");
    expect(await github.getFile(repo, "missing")).toBeNull();
    expect(github.requestCount("getPermission")).toBe(3);
  });

  it("throws the given error, leaving the state untouched", async () => {
    const { github, repo, people } = createWorld();
    const { ref } = github.as(people.user).openIssue(repo, { title: "x" });
    const loaded = await github.loadIssue(ref, { labelNames: [] });
    const outage = new GitHubError("Server Error", "server", 502);
    github.failNext("mutate", outage);
    const write = github.mutate([{ op: "addComment", subjectId: loaded?.id ?? "", body: "hi" }]);
    await expect(write).rejects.toBe(outage);
    expect(github.commentsOf(ref)).toEqual([]);
    expect(github.drainAppEvents()).toEqual([]);
    expect(github.writeCount()).toBe(1);
  });
});
