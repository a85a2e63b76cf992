/** `squad-bot doctor` end to end: the real reads against GitHub's API (nock), the report, the exit code. */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { runCli } from "../../src/cli/main.js";

const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
const KEY = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
const CONFIG = Buffer.from("preset: cht\n").toString("base64");

beforeEach(() => nock.disableNetConnect());
afterEach(() => {
  nock.cleanAll();
  nock.enableNetConnect();
});

async function doctor(env: NodeJS.ProcessEnv) {
  const printed: string[] = [];
  const io: CliIo = { stdout: (t) => printed.push(t), stderr: (t) => printed.push(t), env };
  const code = await runCli(["doctor", "--repo", "medic/cht-core"], io);
  return { code, out: printed.join("") };
}

function github(options: { hookUrl: string; installed?: boolean; deliveryStatus?: number }) {
  const api = nock("https://api.github.com");
  api
    .get("/app")
    .matchHeader("authorization", /^bearer /)
    .reply(200, { slug: "squad-bot-medic", name: "squad-bot", owner: { login: "medic" } });
  api
    .get("/app/hook/config")
    .reply(200, { url: options.hookUrl, content_type: "json", secret: "********" });
  api
    .get("/app/hook/deliveries")
    .query({ per_page: 100 })
    .reply(200, [
      {
        id: 1,
        guid: "g-1",
        delivered_at: "2026-12-02T10:00:00Z",
        redelivery: false,
        duration: 0.2,
        status:
          options.deliveryStatus === 200
            ? "OK"
            : `Invalid HTTP Response: ${options.deliveryStatus}`,
        status_code: options.deliveryStatus ?? 200,
        event: "issues",
        action: "opened",
        installation_id: 7,
        repository_id: 1,
      },
    ]);
  if (options.installed === false) {
    api.get("/repos/medic/cht-core/installation").reply(404, { message: "Not Found" });
    return api;
  }
  api.get("/repos/medic/cht-core/installation").reply(200, {
    id: 7,
    account: { login: "medic" },
    target_type: "Organization",
    permissions: {
      issues: "write",
      contents: "read",
      metadata: "read",
      pull_requests: "read",
      checks: "write",
      members: "read",
      organization_projects: "write",
    },
    events: [
      "issues",
      "issue_comment",
      "push",
      "pull_request",
      "projects_v2_item",
      "pull_request_review",
      "release",
    ],
  });
  api
    .post("/app/installations/7/access_tokens")
    .reply(201, { token: "ghs_doctor", expires_at: "2099-01-01T00:00:00Z" });
  api
    .get("/repos/medic/cht-core/contents/.github%2Fsquad-bot.yml")
    .matchHeader("authorization", "token ghs_doctor")
    .reply(200, { type: "file", encoding: "base64", content: CONFIG });
  api
    .get("/repos/medic/cht-core/issues")
    .query({ state: "open", per_page: 100 })
    .reply(200, [
      { number: 5, title: "Offline maps", labels: [{ name: "Type: Feature" }], body: "" },
      {
        number: 6,
        title: "Bump eslint",
        labels: [{ name: "dependencies" }],
        body: "",
        pull_request: { url: "x" },
      },
    ]);
  return api;
}

const env = { APP_ID: "42", PRIVATE_KEY: KEY, WEBHOOK_SECRET: "s" };

describe("squad-bot doctor", () => {
  it("reports a working setup as ready, with what the config would take", async () => {
    const api = github({ hookUrl: "https://squad-bot.medic.org/api/github/webhooks" });
    const { code, out } = await doctor(env);
    expect(out).toContain("squad-bot doctor medic/cht-core");
    expect(out).toMatch(
      /\[ok {2}\] credentials +app squad-bot \(squad-bot-medic\), owned by medic/,
    );
    expect(out).toContain("1 of the 1 newest open issues are feature requests");
    expect(out).toContain("#5 Offline maps: label `Type: Feature`");
    expect(out).toMatch(/\nready \(\d+ requests to GitHub\)\n$/);
    expect(code).toBe(0);
    expect(api.isDone()).toBe(true);
  });

  it("fails with next steps when webhooks go nowhere and deliveries fail", async () => {
    github({ hookUrl: "https://example.com/api/github/webhooks", deliveryStatus: 404 });
    const { code, out } = await doctor(env);
    expect(out).toMatch(/\[FAIL\] webhook/);
    expect(out).toContain(
      "→ set the webhook URL in https://github.com/settings/apps/squad-bot-medic",
    );
    expect(out).toMatch(/\[FAIL\] deliveries +1 recent, 1 failed/);
    expect(out).toMatch(/2 problems to fix/);
    expect(code).toBe(1);
  });

  it("an app not installed on the repository says where to install it and reads nothing else", async () => {
    const api = github({
      hookUrl: "https://squad-bot.medic.org/api/github/webhooks",
      installed: false,
    });
    const { code, out } = await doctor(env);
    expect(out).toContain(
      "→ install it on medic/cht-core: https://github.com/apps/squad-bot-medic/installations/new",
    );
    expect(code).toBe(1);
    expect(api.isDone()).toBe(true);
  });

  it("without credentials it asks for them and sends nothing to GitHub", async () => {
    const { code, out } = await doctor({});
    expect(out).toMatch(/set APP_ID/);
    expect(out).toMatch(/\(0 requests to GitHub\)/);
    expect(code).toBe(1);
  });

  it("a wrong key is a failed check, not a crash", async () => {
    nock("https://api.github.com")
      .get("/app")
      .reply(401, { message: "A JSON web token could not be decoded" });
    const { code, out } = await doctor(env);
    expect(out).toMatch(/\[FAIL\] credentials +GitHub refused the app's credentials: .*HTTP 401/);
    expect(code).toBe(1);
  });
});
