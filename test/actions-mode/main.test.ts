import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readActionsEnv, runInActions } from "../../src/actions-mode/main.js";
import { example } from "../double/examples.js";

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
    const scope = nock("https://api.github.com")
      .get(`/repos/${login}/${payload.repository.name}/contents/.github%2Fsquad-bot.yml`)
      .matchHeader("authorization", "token ghs_test")
      .reply(200, {
        type: "file",
        encoding: "base64",
        content: Buffer.from("preset: squad-journey\n").toString("base64"),
      });
    await runInActions({
      GITHUB_EVENT_NAME: "issues",
      GITHUB_EVENT_PATH: eventPath,
      GITHUB_TOKEN: "ghs_test",
      LOG_LEVEL: "silent",
    });
    expect(scope.isDone()).toBe(true);
  });
});
