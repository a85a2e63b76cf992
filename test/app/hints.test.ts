/** Webhook → hints, on real payloads: the one mapping every feature relies on. */
import { describe, expect, it } from "vitest";
import { EVENTS_OF, hintsOf } from "../../src/app/hints.js";
import type { Hint } from "../../src/features/hints.js";
import { example } from "../double/examples.js";

const warnings: string[] = [];
const log = {
  debug: () => {},
  info: () => {},
  error: () => {},
  warn: (_data: object, text?: string) => warnings.push(text ?? ""),
};
const kinds = (hints: Hint[]) => hints.map((h) => h.kind);

describe("hints of a delivery", () => {
  it("an opened issue is an issue hint and an issue contribution answered on the issue", () => {
    const hints = hintsOf("issues", example("issues", "opened"), log);
    expect(kinds(hints)).toEqual(["issue", "contribution"]);
    const contribution = hints.find((h) => h.kind === "contribution");
    expect(contribution?.kind === "contribution" && contribution.onPullRequest).toBe(false);
  });

  it("a pull request's contributions and reviews are answered on the pull request", () => {
    for (const [event, action] of [
      ["pull_request", "opened"],
      ["pull_request_review", "submitted"],
    ] as const) {
      const payload = example(event, action);
      const hints = hintsOf(event, payload, log).filter((h) => h.kind === "contribution");
      for (const hint of hints)
        expect(hint.kind === "contribution" && hint.onPullRequest).toBe(true);
    }
  });

  it("a comment is answered where it was written: the issue, or the pull request", () => {
    const onIssue = example("issue_comment", "created");
    (onIssue.issue as { pull_request?: unknown }).pull_request = undefined;
    const onPull = example("issue_comment", "created");
    (onPull.issue as { pull_request?: unknown }).pull_request = { url: "https://api.github.com/x" };
    const where = (payload: object) =>
      hintsOf("issue_comment", payload, log).map((h) =>
        h.kind === "comment" || h.kind === "contribution" ? h.onPullRequest : null,
      );
    expect(where(onIssue)).toEqual([false, false]);
    expect(where(onPull)).toEqual([true, true]);
  });

  it("an edited comment carries its body before the edit; a new one does not", () => {
    const edited = example("issue_comment", "edited");
    edited.changes = { body: { from: "before" } };
    const [hint] = hintsOf("issue_comment", edited, log);
    expect(hint?.kind === "comment" && hint.previousBody).toBe("before");
    const [created] = hintsOf("issue_comment", example("issue_comment", "created"), log);
    expect(created?.kind === "comment" && created.previousBody).toBeNull();
  });

  it("a pull request's `issues` event is no issue hint, and a deleted branch's push is none", () => {
    const issue = example("issues", "opened");
    (issue.issue as { pull_request?: unknown }).pull_request = {};
    expect(kinds(hintsOf("issues", issue, log))).not.toContain("issue");
    const push = example("push");
    push.deleted = true;
    expect(hintsOf("push", push, log)).toEqual([]);
  });

  it("a push lists every path its commits touched", () => {
    const push = example("push");
    push.commits = [{ added: ["a.md"], modified: [".github/squad-bot.yml"], removed: ["b"] }];
    push.head_commit = null;
    const [hint] = hintsOf("push", push, log);
    expect(hint?.kind === "push" && hint.paths).toEqual(["a.md", ".github/squad-bot.yml", "b"]);
  });

  it("a malformed payload is ignored with a warning, never a crash", () => {
    warnings.length = 0;
    expect(hintsOf("issues", { action: "opened", issue: { number: "x" } }, log)).toEqual([]);
    expect(warnings).toEqual(["ignored a malformed issues payload"]);
    expect(hintsOf("issues", null, log)).toEqual([]);
  });

  it("an installation, or repositories added to one, names the repositories; a removal none", () => {
    const created = example("installation", "created");
    expect(hintsOf("installation", created, log)).toEqual([
      {
        kind: "installation",
        repo: null,
        sender: "Codertocat",
        repos: [{ owner: "Codertocat", repo: "Hello-World" }],
      },
    ]);
    expect(hintsOf("installation", example("installation", "deleted"), log)).toEqual([]);
    const added = {
      ...created,
      action: "added",
      repositories: undefined,
      repositories_added: [{ full_name: "medic/cht-core" }],
    };
    expect(hintsOf("installation_repositories", added, log)).toMatchObject([
      { kind: "installation", repos: [{ owner: "medic", repo: "cht-core" }] },
    ]);
  });

  it("an event nobody subscribes to has no hints", () => {
    expect(hintsOf("star", { action: "created" }, log)).toEqual([]);
    expect(Object.values(EVENTS_OF).flat()).not.toContain("star");
  });
});
