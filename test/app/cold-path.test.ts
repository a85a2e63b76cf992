/**
 * The cold path over the real Octokit port and nock: a label move in a repository this process
 * has seen before, every cache of GitHub's data cold, costs one read and one write, and nock
 * refuses a third request, which fails the delivery and the test.
 */
import nock from "nock";
import pino from "pino";
import { Probot, ProbotOctokit } from "probot";
import { describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import { OctokitGitHub } from "../../src/github/octokit/index.js";
import type { IssueSnapshot } from "../../src/github/types.js";
import { API, type GraphqlBody, useNock } from "../github/octokit/setup.js";
import { startApp, type TestApp } from "../support/app.js";
import { validateRequest } from "../support/graphql-schema.js";
import { templates } from "../support/templates.js";

const CONFIG = "preset: squad-journey\n";
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};

/** The snapshot as GitHub's GraphQL answers it (`THREAD_FIELDS` and `CommentFields`). */
function threadNode(issue: IssueSnapshot) {
  const actor = (login: string) =>
    login.endsWith("[bot]")
      ? { __typename: "Bot", login: login.slice(0, -"[bot]".length) }
      : { __typename: "User", login };
  return {
    id: issue.id,
    number: issue.ref.number,
    title: issue.title,
    body: issue.body,
    state: issue.state === "open" ? "OPEN" : "CLOSED",
    createdAt: issue.createdAt,
    url: issue.url,
    author: actor(issue.author),
    labels: { nodes: issue.labels },
    reactions: { totalCount: issue.thumbsUp },
    comments: {
      pageInfo: { hasNextPage: false, endCursor: null },
      nodes: issue.comments.map((c) => ({
        id: c.id,
        fullDatabaseId: String(c.databaseId),
        body: c.body,
        createdAt: c.createdAt,
        viewerDidAuthor: c.byThisApp,
        author: actor(c.author),
      })),
    },
  };
}

function trackedNode(issue: IssueSnapshot) {
  const comments = issue.comments.map((c) => ({ body: c.body, viewerDidAuthor: c.byThisApp }));
  return { number: issue.ref.number, comments: { nodes: comments } };
}

/** A Probot app over the real Octokit port: every request it makes goes to nock. */
async function octokitApp(onboarding: "accepted" | "github") {
  const probot = new Probot({
    githubToken: "test-token",
    log: pino({ level: "silent" }),
    Octokit: ProbotOctokit.defaults((o: object) => ({
      ...o,
      retry: { enabled: false },
      throttle: { enabled: false },
    })),
  });
  await probot.load(
    createApp({
      githubFor: (context) => new OctokitGitHub(context.octokit),
      appLogin: async () => "squad-bot[bot]",
      templates,
      now: () => new Date(),
      dryRun: false,
      ...(onboarding === "accepted" ? { onboardingSeed: acceptedOnboarding } : {}),
    }),
  );
  return (event: unknown) => probot.receive(event as Parameters<Probot["receive"]>[0]);
}

/** Answers the read-ahead from the double's state, checking the document against the schema. */
function answerReadAhead(world: TestApp, issue: IssueSnapshot | null, bodies: GraphqlBody[]) {
  nock(API)
    .post("/graphql", (body: GraphqlBody) => body.query.includes("SquadBotReadAhead"))
    .reply(200, (_uri, raw) => {
      const body = raw as GraphqlBody;
      bodies.push(body);
      const variables = body.variables ?? {};
      const lookups = Object.entries(variables)
        .filter(([name]) => /^l\d+$/.test(name))
        .map(([name, value]) => {
          const label = world.github.repoLabels(world.repo).find((l) => l.name === value);
          return [name, label ? { id: label.id, name: label.name } : null];
        });
      return {
        data: {
          repository: {
            id: world.repo.id,
            config: { text: CONFIG, isTruncated: false },
            issue: issue ? threadNode(issue) : null,
            ...Object.fromEntries(lookups),
            ...(body.query.includes("onboarding: issues")
              ? {
                  labels: { nodes: [] },
                  onboarding: { nodes: [] },
                  // The app's card on a tracked issue: it ran here before, so it is on.
                  tracked: { nodes: issue ? [trackedNode(issue)] : [] },
                }
              : {}),
          },
          orgConfig: null,
        },
      };
    });
}

/** Answers one mutation document, every op applied. */
function answerMutation(bodies: GraphqlBody[]) {
  nock(API)
    .post("/graphql", (body: GraphqlBody) => body.query.startsWith("mutation"))
    .reply(200, (_uri, raw) => {
      const body = raw as GraphqlBody;
      bodies.push(body);
      const aliases = [...body.query.matchAll(/\b(m\d+):/g)].map((m) => m[1] ?? "");
      return { data: Object.fromEntries(aliases.map((alias) => [alias, {}])) };
    });
}

/** A feature with its card, then a maintainer's label move, both in the in-memory GitHub. */
async function labelMove() {
  const world = await startApp({ config: CONFIG });
  world.github.createLabel(world.repo, "phase: convergence");
  const opened = world.github.as(world.people.user).openIssue(world.repo, FEATURE);
  await world.deliver(opened);
  await world.deliverEchoes();
  const move = world.github.as(world.people.maintainer).addLabel(opened.ref, "phase: convergence");
  const issue = await world.github.loadIssue(opened.ref, { labelNames: [] });
  return { world, move, issue, ref: opened.ref };
}

describe("the cold path over Octokit", () => {
  useNock();

  it("moves a feature by label in 2 requests: one read with the config, one mutation", async () => {
    const { world, move, issue } = await labelMove();
    const deliver = await octokitApp("accepted");
    const reads: GraphqlBody[] = [];
    const writes: GraphqlBody[] = [];
    // A new process: the read is shaped by the default preset, which this config uses.
    answerReadAhead(world, issue, reads);
    answerMutation(writes);
    await deliver(move);
    // nock allows no other request: a third one would have failed the delivery above.
    expect(reads).toHaveLength(1);
    expect(writes).toHaveLength(1);
    for (const body of [...reads, ...writes]) {
      expect(validateRequest(body.query, body.variables ?? {})).toEqual([]);
    }
    expect(reads[0]?.variables).toMatchObject({ config: "HEAD:.github/squad-bot.yml" });
    expect(reads[0]?.query).toContain('orgConfig: repository(owner: $owner, name: ".github")');
    expect(writes[0]?.query).toContain("removeLabelsFromLabelable");
    expect(writes[0]?.query).toContain("updateIssueComment");
  });

  it("reads where onboarding stands in the same request: still 2 in a new process", async () => {
    const { world, move, issue } = await labelMove();
    const deliver = await octokitApp("github");
    const reads: GraphqlBody[] = [];
    const writes: GraphqlBody[] = [];
    answerReadAhead(world, issue, reads);
    answerMutation(writes);
    await deliver(move);
    expect(reads).toHaveLength(1);
    expect(writes).toHaveLength(1);
    expect(reads[0]?.query).toContain("onboarding: issues(");
    expect(validateRequest(reads[0]?.query ?? "", reads[0]?.variables ?? {})).toEqual([]);
  });

  it("spends one request on an event that concerns no feature", async () => {
    const world = await startApp({ config: CONFIG });
    const bug = world.github.as(world.people.user).openIssue(world.repo, { title: "Crash" });
    const labeled = world.github.as(world.people.maintainer).addLabel(bug.ref, "bug");
    const issue = await world.github.loadIssue(bug.ref, { labelNames: [] });
    const deliver = await octokitApp("accepted");
    const reads: GraphqlBody[] = [];
    answerReadAhead(world, issue, reads);
    await deliver(labeled);
    expect(reads).toHaveLength(1);
  });
});
