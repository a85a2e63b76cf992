/** Only writes wait for GitHub's write spacing; reads, GraphQL queries included, go at once. */
import nock from "nock";
import { describe, expect, it } from "vitest";
import { createSquadBotOctokit } from "../../src/github/squad-bot-octokit.js";
import { isContentWrite, type WriteQueue } from "../../src/github/write-spacing.js";
import { API, useNock } from "./octokit/setup.js";

const QUERY = "query { viewer { login } }";
const MUTATION =
  'mutation { addComment(input: {subjectId: "I_1", body: "hi"}) { clientMutationId } }';

/** A write queue that never gives a turn until `open()`; it records who asked. */
function closedQueue() {
  const asked: string[] = [];
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const queue: WriteQueue = {
    key: (id) => ({
      schedule: async (job) => {
        asked.push(id);
        await opened;
        return job();
      },
    }),
  };
  return { queue, asked, open };
}

function octokitWith(queue?: WriteQueue) {
  const Octokit = createSquadBotOctokit(queue ? { writeQueue: queue } : {});
  return new Octokit({
    auth: { token: "test" },
    retry: { enabled: false },
    throttle: { id: "42" },
  });
}

describe("which requests are content writes", () => {
  it.each([
    ["GET", "/repos/medic/cht-core", false, undefined],
    ["HEAD", "/repos/medic/cht-core", false, undefined],
    ["POST", "/graphql", false, QUERY],
    ["POST", "/graphql", true, MUTATION],
    ["POST", "/repos/medic/cht-core/check-runs", true, undefined],
    ["PATCH", "/repos/medic/cht-core/check-runs/1", true, undefined],
    ["DELETE", "/repos/medic/cht-core/labels/x", true, undefined],
    ["POST", "/app/installations/42/access_tokens", false, undefined],
  ])("%s %s: a write %s", (method, url, expected, query) => {
    expect(isContentWrite({ method, url, query })).toBe(expected);
  });
});

describe("squad-bot's Octokit with throttling on", () => {
  useNock();

  it("answers GraphQL queries while every write waits its turn", async () => {
    const { queue, asked, open } = closedQueue();
    const octokit = octokitWith(queue);
    nock(API)
      .post("/graphql")
      .times(3)
      .reply(200, { data: { viewer: { login: "squad-bot[bot]" } } });
    nock(API)
      .post("/graphql", (body: { query: string }) => body.query.includes("mutation"))
      .reply(200, { data: { addComment: { clientMutationId: null } } });

    const write = octokit.graphql(MUTATION);
    for (let i = 0; i < 3; i += 1) await octokit.graphql(QUERY);
    expect(asked).toEqual(["42"]);
    let written = false;
    void write.then(() => {
      written = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written).toBe(false);
    open();
    await write;
    expect(written).toBe(true);
  });

  it("sends five queries in a row without the second-long write spacing", async () => {
    const octokit = octokitWith();
    nock(API)
      .post("/graphql")
      .times(5)
      .reply(200, { data: { viewer: { login: "squad-bot[bot]" } } });
    const started = Date.now();
    for (let i = 0; i < 5; i += 1) await octokit.graphql(QUERY);
    // Spaced as writes they would take at least 4 s; the margin absorbs a busy machine.
    expect(Date.now() - started).toBeLessThan(3_000);
  });
});
