import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readActionsEnv, runInActions } from "../../src/actions-mode/main.js";
import { example } from "../double/examples.js";
import { validateRequest } from "../support/graphql-schema.js";

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

describe("GitHub Actions mode", () => {
  it("names every missing variable", () => {
    expect(() => readActionsEnv({ GITHUB_EVENT_NAME: "issues" })).toThrow(
      /GITHUB_EVENT_PATH, GITHUB_TOKEN/,
    );
  });

  it("delivers the workflow's event to the app, which reads the config through the token", async () => {
    const payload = structuredClone(example("issues", "opened")) as {
      issue: { body: string; labels: unknown[] };
      repository: { owner: { login: string }; name: string };
    };
    payload.issue.body = "It crashes";
    payload.issue.labels = [];
    const dir = await mkdtemp(join(tmpdir(), "squad-bot-"));
    const eventPath = join(dir, "event.json");
    await writeFile(eventPath, JSON.stringify(payload));
    const { login } = payload.repository.owner;
    // The config comes in the one read-ahead document (with the issue), through the token.
    const documents: string[][] = [];
    const scope = nock("https://api.github.com")
      .post(
        "/graphql",
        (body: { query: string; variables?: { owner?: string } }) =>
          body.query.includes("SquadBotReadAhead") && body.variables?.owner === login,
      )
      .matchHeader("authorization", "token ghs_test")
      .reply(200, (_uri, raw) => {
        const body = raw as { query: string; variables?: Record<string, unknown> };
        documents.push(validateRequest(body.query, body.variables ?? {}));
        return {
          data: {
            repository: {
              id: "R_1",
              config: { text: "preset: squad-journey\n", isTruncated: false },
              issue: null,
            },
            orgConfig: null,
          },
        };
      });
    await runInActions({
      GITHUB_EVENT_NAME: "issues",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_TOKEN: "ghs_test",
      LOG_LEVEL: "silent",
    });
    expect(scope.isDone()).toBe(true);
    expect(documents).toEqual([[]]);
  });
});
