/** The repository-level executor against the in-memory GitHub: what it writes, skips and returns. */
import { describe, expect, it } from "vitest";
import type { RepoAction } from "../../src/actions/action.js";
import { executeRepo, type RepoExecuteOptions } from "../../src/actions/repo-executor.js";
import type { CheckRunReport } from "../../src/github/types.js";
import { MemoryDigestDelivery } from "../double/digest-delivery.js";
import { createWorld } from "../double/index.js";

const APPLY: RepoExecuteOptions = { dryRun: false, protectedLabels: ["Ready for review"] };
const REPORT: CheckRunReport = {
  headSha: "abc1234def",
  name: "squad-bot config",
  conclusion: "success",
  title: "Valid",
  summary: "ok",
};

function setup() {
  const world = createWorld();
  const { github, repo } = world;
  const delivery = new MemoryDigestDelivery(github);
  const categoryId = delivery.addCategory(repo, "Digests");
  const listed = async (label: string) => github.listIssuesWithLabel(repo, label, "all");
  github.resetRequests();
  return { ...world, delivery, categoryId, listed, writers: { port: github, delivery } };
}

describe("executeRepo", () => {
  it("opens an issue and returns it, so a later step can name it", async () => {
    const { github, repo, writers } = setup();
    const open: RepoAction = {
      type: "openIssue",
      repo,
      issue: { title: "Digest", body: "b", labels: ["digest"] },
    };
    const result = await executeRepo(writers, [open], APPLY);
    const [outcome] = result.outcomes;
    expect(outcome).toMatchObject({ status: "written", issue: { title: "Digest", number: 1 } });
    expect(github.issues(repo).map((i) => i.title)).toEqual(["Digest"]);
    expect(result.writes).toEqual(['open issue "Digest" in medic/cht-core']);
    expect(github.requests.map((r) => r.method)).toEqual(["createIssue"]);
  });

  it("writes nothing in a dry run and says what it would write", async () => {
    const { github, repo, delivery, categoryId, writers } = setup();
    const actions: RepoAction[] = [
      { type: "openIssue", repo, issue: { title: "Digest", body: "b", labels: [] } },
      { type: "reportCheck", repo, report: REPORT, current: null },
      {
        type: "createPost",
        channel: { kind: "discussion", repositoryId: "R_medic/cht-core", categoryId },
        title: "Digest",
        body: "b",
      },
    ];
    const result = await executeRepo(writers, actions, { ...APPLY, dryRun: true });
    expect(result.outcomes.map((o) => o.status)).toEqual(["planned", "planned", "planned"]);
    expect(result.writes).toEqual([
      'open issue "Digest" in medic/cht-core',
      'create check run "squad-bot config" (success) on abc1234',
      'post "Digest" as a discussion',
    ]);
    expect(github.requestCount()).toBe(0);
    expect(delivery.requestCount()).toBe(0);
    expect(github.issues(repo)).toEqual([]);
    expect(github.checkRuns(repo)).toEqual([]);
  });

  it("batches issue edits into one mutation and skips what already holds", async () => {
    const { github, repo, people, listed, writers } = setup();
    for (const title of ["a", "b", "c"]) {
      github.as(people.maintainer).openIssue(repo, { title, body: title, labels: ["x"] });
    }
    const [c, b, a] = await listed("x");
    if (!a || !b || !c) throw new Error("issues missing");
    github.resetRequests();
    const actions: RepoAction[] = [
      { type: "editIssue", issue: a, body: "a, edited", close: "COMPLETED" },
      { type: "editIssue", issue: b, body: "b" },
      { type: "editIssue", issue: c, close: "NOT_PLANNED" },
    ];
    const result = await executeRepo(writers, actions, APPLY);
    expect(result.outcomes.map((o) => o.status)).toEqual(["written", "skipped", "written"]);
    expect(result.skipped).toEqual(["issue #2 already so"]);
    expect(github.requests).toEqual([
      { method: "mutate", detail: "updateIssueBody,closeIssue,closeIssue" },
    ]);
    expect(github.issues(repo).map((i) => [i.body, i.state])).toEqual([
      ["a, edited", "closed"],
      ["b", "open"],
      ["c", "closed"],
    ]);

    // Applied again to the issues as they now are: nothing to write.
    const again = (await listed("x")).map((issue, i) => ({ ...actions[2 - i], issue }));
    github.resetRequests();
    const repeat = await executeRepo(writers, again as RepoAction[], APPLY);
    expect(repeat.outcomes.map((o) => o.status)).toEqual(["skipped", "skipped", "skipped"]);
    expect(github.writeCount()).toBe(0);
  });

  it("fails only the edit whose op GitHub refused", async () => {
    const { github, repo, people, listed, writers } = setup();
    github.as(people.maintainer).openIssue(repo, { title: "a", labels: ["x"] });
    github.as(people.maintainer).openIssue(repo, { title: "b", labels: ["x"] });
    const [b, a] = await listed("x");
    if (!a || !b) throw new Error("issues missing");
    github.failOp("closeIssue");
    const result = await executeRepo(
      writers,
      [
        { type: "editIssue", issue: a, close: "COMPLETED" },
        { type: "editIssue", issue: b, body: "b, edited" },
      ],
      APPLY,
    );
    expect(result.outcomes.map((o) => o.status)).toEqual(["failed", "written"]);
    expect(result.failures).toEqual([
      "close (COMPLETED) of issue #1 failed: injected closeIssue failure",
    ]);
  });

  it("creates a check run, leaves an equal one alone and updates a different one in place", async () => {
    const { github, repo, writers } = setup();
    const current = async () =>
      (await github.listCheckRuns(repo, REPORT.headSha, REPORT.name))[0] ?? null;
    await executeRepo(
      writers,
      [{ type: "reportCheck", repo, report: REPORT, current: null }],
      APPLY,
    );
    const same = await executeRepo(
      writers,
      [{ type: "reportCheck", repo, report: REPORT, current: await current() }],
      APPLY,
    );
    expect(same.skipped).toEqual(['check run "squad-bot config" unchanged']);
    const failure = { ...REPORT, conclusion: "failure" as const, title: "1 problem" };
    await executeRepo(
      writers,
      [{ type: "reportCheck", repo, report: failure, current: await current() }],
      APPLY,
    );
    expect(github.checkRuns(repo)).toMatchObject([{ conclusion: "failure", title: "1 problem" }]);
    expect(github.requests.map((r) => r.method)).toEqual([
      "createCheckRun",
      "listCheckRuns",
      "listCheckRuns",
      "updateCheckRun",
    ]);
  });

  it("never opens an issue with a protected label", async () => {
    const { github, repo, writers } = setup();
    const result = await executeRepo(
      writers,
      [
        {
          type: "openIssue",
          repo,
          issue: { title: "Squad", body: "", labels: ["Squad", "ready for review"] },
        },
      ],
      APPLY,
    );
    expect(result.outcomes).toEqual([
      {
        status: "failed",
        error: 'open issue "Squad" in medic/cht-core: label "ready for review" is protected',
      },
    ]);
    expect(github.requestCount()).toBe(0);
  });

  it("posts and retires discussions and comments through the delivery port", async () => {
    const { github, repo, people, delivery, categoryId, writers } = setup();
    const pinned = github.as(people.maintainer).openIssue(repo, { title: "Digests" });
    const issueId = github.issue(pinned.ref)?.id ?? "";
    const channel = { kind: "discussion", repositoryId: "R_medic/cht-core", categoryId } as const;
    const made = await executeRepo(
      writers,
      [
        { type: "createPost", channel, title: "W48", body: "one" },
        { type: "createPost", channel: { kind: "comment", issueId }, title: "W48", body: "two" },
      ],
      APPLY,
    );
    const [discussion, comment] = made.outcomes.map((o) =>
      o.status === "written" ? o.post : undefined,
    );
    if (!discussion || !comment) throw new Error("posts missing");
    const retire = (kind: "discussion" | "comment", post: typeof discussion): RepoAction => ({
      type: "retirePost",
      channel: kind,
      post,
      body: "old",
      reason: "OUTDATED",
    });
    await executeRepo(
      writers,
      [retire("discussion", discussion), retire("comment", comment)],
      APPLY,
    );
    expect(delivery.discussionsOf(repo)).toMatchObject([{ body: "old", closed: true }]);
    expect(delivery.isMinimized(comment.id)).toBe("OUTDATED");
    // A post read as retired is left alone.
    delivery.resetRequests();
    const again = await executeRepo(
      writers,
      [retire("discussion", { ...discussion, retired: true })],
      APPLY,
    );
    expect(again.skipped).toEqual([`post ${discussion.id} already retired`]);
    expect(delivery.requestCount()).toBe(0);
    await expect(
      executeRepo(
        { port: github },
        [{ type: "createPost", channel, title: "t", body: "b" }],
        APPLY,
      ),
    ).rejects.toThrow("needs a delivery port");
  });
});
