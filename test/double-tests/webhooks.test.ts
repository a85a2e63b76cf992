/** Payloads are GitHub's real examples with our state written over them. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import { createWorld } from "../double/fixtures.js";

const APP = "squad-bot[bot]";

type Json = Record<string, unknown>;
const examples = createRequire(import.meta.url)(
  "@octokit/webhooks-examples/api.github.com/index.json",
) as { name: string; examples: Json[] }[];

/** Keys of `value` at each of the given paths (top level when the path is ""). */
function keysAt(value: Json, paths: string[]): Record<string, string[]> {
  return Object.fromEntries(
    paths.map((path) => {
      const at = path === "" ? value : (value[path] as Json | null | undefined);
      return [path, at ? Object.keys(at) : []];
    }),
  );
}

/** True when some real example of `name`/`action` has no key the payload lacks, at every path. */
function coversARealExample(name: string, action: string | undefined, payload: unknown) {
  const paths = ["", "issue", "comment", "repository", "sender", "pull_request", "head_commit"];
  const ours = keysAt(payload as Json, paths);
  const candidates = examples.find((e) => e.name === name)?.examples ?? [];
  return candidates
    .filter((e) => e.action === action)
    .some((example) =>
      Object.entries(keysAt(example, paths)).every(([path, keys]) =>
        keys.every((key) => ours[path]?.includes(key)),
      ),
    );
}

function scenario() {
  const world = createWorld({ appLogin: APP });
  const { github, repo, people } = world;
  const opened = github.as(people.user).openIssue(repo, {
    title: "Offline mode",
    body: "As a CHW…",
    labels: ["Feature"],
  });
  return { ...world, opened, ref: opened.ref };
}

describe("people's actions", () => {
  it("opens an issue: the real `issues.opened` shape, our repository, issue and sender", () => {
    const { opened, repo, people } = scenario();
    expect(opened.name).toBe("issues");
    expect(coversARealExample("issues", "opened", opened.payload)).toBe(true);
    const { payload } = opened;
    expect(payload.action).toBe("opened");
    expect(payload.repository).toMatchObject({
      name: "cht-core",
      full_name: "medic/cht-core",
      node_id: repo.id,
      default_branch: "main",
      private: false,
      owner: { login: "medic", type: "Organization" },
    });
    expect(payload.issue).toMatchObject({
      number: opened.ref.number,
      node_id: expect.stringMatching(/^I_/),
      title: "Offline mode",
      body: "As a CHW…",
      state: "open",
      labels: [{ name: "Feature", node_id: expect.stringMatching(/^LA_/) }],
      user: { login: people.user, type: "User" },
      author_association: "NONE",
      html_url: `https://github.com/medic/cht-core/issues/${opened.ref.number}`,
    });
    expect(payload.sender).toMatchObject({ login: people.user, type: "User" });
    expect(payload.installation).toEqual({ id: 1, node_id: expect.any(String) });
    expect(payload.organization).toMatchObject({ login: "medic" });
    expect(JSON.stringify(payload)).not.toMatch(/Codertocat|Hello-World|Octocoders/);
  });

  it("comments and edits a comment, with `changes.body.from`", () => {
    const { github, ref, people } = scenario();
    const created = github.as(people.maintainer).comment(ref, "/phase building");
    const edited = github.as(people.maintainer).editComment(ref, created.commentId, "/phase done");
    expect(coversARealExample("issue_comment", "created", created.payload)).toBe(true);
    expect(coversARealExample("issue_comment", "edited", edited.payload)).toBe(true);
    expect(created.payload.comment).toMatchObject({
      id: created.commentId,
      node_id: created.nodeId,
      body: "/phase building",
      user: { login: people.maintainer, type: "User" },
      author_association: "MEMBER",
    });
    expect(edited.payload).toMatchObject({
      action: "edited",
      changes: { body: { from: "/phase building" } },
      comment: { id: created.commentId, body: "/phase done" },
    });
    expect(github.commentsOf(ref).map((c) => c.body)).toEqual(["/phase done"]);
  });

  it("labels, unlabels and closes, creating a label the repository lacked", () => {
    const { github, ref, repo, people } = scenario();
    const maintainer = github.as(people.maintainer);
    const labeled = maintainer.addLabel(ref, "needs triage");
    const unlabeled = maintainer.removeLabel(ref, "FEATURE");
    const closed = github.as(people.user).close(ref, "not_planned");
    expect(coversARealExample("issues", "labeled", labeled.payload)).toBe(true);
    expect(coversARealExample("issues", "unlabeled", unlabeled.payload)).toBe(true);
    expect(coversARealExample("issues", "reopened", closed.payload)).toBe(true);
    expect(labeled.payload).toMatchObject({ action: "labeled", label: { name: "needs triage" } });
    expect(unlabeled.payload).toMatchObject({ action: "unlabeled", label: { name: "Feature" } });
    expect(closed.payload).toMatchObject({
      action: "closed",
      issue: { state: "closed", state_reason: "not_planned", labels: [{ name: "needs triage" }] },
    });
    expect(github.repoLabels(repo).map((l) => l.name)).toEqual(["Feature", "needs triage"]);
  });

  it("pushes and opens pull requests with real shapes", () => {
    const { github, repo, people } = scenario();
    const pushed = github.as(people.writer).push(repo, { files: { "a.md": "a" } });
    const pr = github.as(people.user).openPullRequest(repo, { files: { "b.md": "b" } });
    expect(coversARealExample("push", undefined, pushed.payload)).toBe(true);
    expect(coversARealExample("pull_request", "opened", pr.payload)).toBe(true);
    expect(pushed.payload).toMatchObject({
      ref: "refs/heads/main",
      after: pushed.sha,
      head_commit: { id: pushed.sha, added: ["a.md"] },
      sender: { login: people.writer },
    });
    expect(pr.payload).toMatchObject({
      number: pr.ref.number,
      pull_request: {
        head: { sha: pr.headSha },
        base: { ref: "main" },
        user: { login: people.user },
      },
    });
    expect(JSON.stringify(pr.payload)).not.toMatch(/Codertocat\/Hello-World/);
  });

  it("gives every delivery its own id", () => {
    const { github, ref, people } = scenario();
    const ids = [1, 2, 3].map((i) => github.as(people.user).comment(ref, `${i}`).id);
    expect(new Set(ids).size).toBe(3);
  });

  it("refuses actions GitHub would not offer to that person", () => {
    const { github, ref, people, repo } = scenario();
    expect(() => github.as(people.writer).close(ref)).not.toThrow();
    expect(() => github.as("stranger").addLabel(ref, "x")).toThrow(/requires triage/);
    expect(() => github.as(people.user).push(repo, { files: { x: "y" } })).toThrow(
      /requires write/,
    );
    expect(() => github.as(people.user).removeLabel(ref, "nope")).toThrow(/triage/);
  });
});

describe("the app's own writes", () => {
  it("queue the webhooks GitHub sends back, sent by the bot", async () => {
    const { github, ref, repo } = scenario();
    const loaded = await github.loadIssue(ref, { labelNames: ["Feature"] });
    const [feature] = loaded?.repoLabels ?? [];
    await github.mutate([
      { op: "removeLabels", labelableId: loaded?.id ?? "", labelIds: [feature?.id ?? ""] },
      { op: "addComment", subjectId: loaded?.id ?? "", body: "card" },
      { op: "addReaction", subjectId: loaded?.id ?? "", content: "EYES" },
    ]);
    const events = github.drainAppEvents();
    expect(events.map((e) => `${e.name}.${e.payload.action}`)).toEqual([
      "issues.unlabeled",
      "issue_comment.created",
    ]);
    for (const event of events) {
      expect(event.payload.sender).toMatchObject({ login: APP, type: "Bot" });
      expect("repository" in event.payload && event.payload.repository?.full_name).toBe(
        `${repo.owner}/${repo.repo}`,
      );
    }
    expect(events[1]?.payload).toMatchObject({ comment: { user: { login: APP, type: "Bot" } } });
    expect(github.drainAppEvents()).toEqual([]);
  });

  it("echo closing, editing a card, and creating an issue with labels", async () => {
    const { github, ref, repo } = scenario();
    const issueId = (await github.loadIssue(ref, { labelNames: [] }))?.id ?? "";
    const [card] = await github.mutate([{ op: "addComment", subjectId: issueId, body: "v1" }]);
    await github.mutate([
      { op: "updateComment", commentId: card?.ok ? (card.id ?? "") : "", body: "v2" },
      { op: "closeIssue", issueId, reason: "COMPLETED" },
    ]);
    await github.createIssue(repo, { title: "Digest", body: "", labels: ["digest"] });
    const events = github.drainAppEvents();
    expect(events.map((e) => `${e.name}.${e.payload.action}`)).toEqual([
      "issue_comment.created",
      "issue_comment.edited",
      "issues.closed",
      "issues.opened",
      "issues.labeled",
    ]);
    expect(events[1]?.payload).toMatchObject({ changes: { body: { from: "v1" } } });
    expect(events[2]?.payload).toMatchObject({ issue: { state_reason: "completed" } });
    expect(events[3]?.payload).toMatchObject({ issue: { user: { login: APP, type: "Bot" } } });
  });
});
