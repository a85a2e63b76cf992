/** Payload parsing on real examples from @octokit/webhooks-examples, varied with small overrides. */
import { describe, expect, it } from "vitest";
import {
  type CommunityEventName,
  parseContribution,
  parseRelease,
} from "../../src/features/community/payloads.js";
import { example, object } from "../double/examples.js";

const parse = (
  name: CommunityEventName,
  action: string,
  edit?: (p: Record<string, unknown>) => void,
) => {
  const payload = example(name, action);
  edit?.(payload);
  return parseContribution(name, payload);
};

describe("parseContribution", () => {
  it("reads issues.opened", () => {
    expect(parse("issues", "opened")).toEqual({
      event: {
        org: "Codertocat",
        repo: "Hello-World",
        login: "Codertocat",
        kind: "issue-opened",
        githubId: "MDU6SXNzdWU0NDQ1MDAwNDE=",
        at: new Date("2019-05-15T15:20:18Z"),
        url: "https://github.com/Codertocat/Hello-World/issues/1",
      },
      author: { login: "Codertocat", type: "User", association: "OWNER" },
      target: { owner: "Codertocat", repo: "Hello-World", number: 1 },
      title: "Spelling error in the README file",
    });
  });

  it("reads pull_request.opened", () => {
    const input = parse("pull_request", "opened");
    expect(input?.event).toMatchObject({
      kind: "pr-opened",
      githubId: "MDExOlB1bGxSZXF1ZXN0Mjc5MTQ3NDM3",
    });
    expect(input?.target.number).toBe(2);
  });

  it("reads a merged pull_request.closed, dated by its merge", () => {
    const input = parse("pull_request", "closed", (p) => {
      Object.assign(object(p.pull_request), { merged: true, merged_at: "2026-02-01T10:00:00Z" });
    });
    expect(input?.event).toMatchObject({ kind: "pr-merged", at: new Date("2026-02-01T10:00:00Z") });
  });

  it("ignores a pull request closed without merging (the package's own example)", () => {
    expect(parse("pull_request", "closed")).toBeNull();
  });

  it("reads a review of someone else's pull request, targeting the pull request", () => {
    const input = parse("pull_request_review", "submitted", (p) => {
      object(object(p.review).user).login = "reviewer";
    });
    expect(input?.event).toMatchObject({
      kind: "review",
      login: "reviewer",
      at: new Date("2019-05-15T15:20:38Z"),
    });
    expect(input?.target.number).toBe(2);
  });

  it("does not count a review of one's own pull request (the package's own example)", () => {
    expect(parse("pull_request_review", "submitted")).toBeNull();
  });

  it("reads issue_comment.created", () => {
    const input = parse("issue_comment", "created");
    expect(input?.event).toMatchObject({
      kind: "comment",
      githubId: "MDEyOklzc3VlQ29tbWVudDQ5MjcwMDQwMA==",
    });
    expect(input?.author.association).toBe("OWNER");
  });

  it("keeps a bot's type so the runner can skip it", () => {
    const input = parse("issues", "opened", (p) => {
      Object.assign(object(object(p.issue).user), { login: "helper[bot]", type: "Bot" });
    });
    expect(input?.author).toMatchObject({ login: "helper[bot]", type: "Bot" });
  });

  it.each([
    ["issues", "labeled"],
    ["issue_comment", "edited"],
    ["pull_request_review", "dismissed"],
    ["pull_request", "labeled"],
  ] as const)("ignores %s.%s", (name, action) => {
    expect(parse(name, action)).toBeNull();
  });

  it("ignores a payload missing a field it needs", () => {
    expect(parse("issues", "opened", (p) => delete object(p.issue).node_id)).toBeNull();
  });
});

describe("parseRelease", () => {
  it("reads release.published, a beta included", () => {
    const payload = example("release", "published");
    Object.assign(object(payload.release), { body: "Ships #12", prerelease: true });
    expect(parseRelease(payload)).toEqual({
      repo: { owner: "Codertocat", repo: "Hello-World" },
      url: "https://github.com/Codertocat/Hello-World/releases/tag/0.0.1",
      name: "0.0.1",
      body: "Ships #12",
      prerelease: true,
    });
  });

  it("ignores drafts and other actions", () => {
    const draft = example("release", "published");
    object(draft.release).draft = true;
    expect(parseRelease(draft)).toBeNull();
    expect(parseRelease(example("release", "created"))).toBeNull();
  });
});
