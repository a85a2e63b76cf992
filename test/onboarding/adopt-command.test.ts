/** `squad-bot adopt`: the backlog on request, at the asked rate, and a dry run that writes nothing. */
import { generateKeyPairSync } from "node:crypto";
import nock from "nock";
import { afterEach, describe, expect, it } from "vitest";
import type { CliIo } from "../../src/cli/command.js";
import { createAdoptCommand } from "../../src/cli/commands/adopt.js";
import { connectAsApp } from "../../src/github/octokit/app-connection.js";
import { MemoryRecentIssues } from "../double/recent-issues.js";
import { cards } from "../support/cards.js";
import { templates } from "../support/templates.js";
import { type Installed, installedWithBacklog, nth, tick } from "./support.js";

const ENV = { APP_ID: "1", PRIVATE_KEY: "key" };

async function adopt(app: Installed, args: string[]) {
  const waits: number[] = [];
  const command = createAdoptCommand({
    templates: () => templates,
    connect: async () => ({
      port: app.github,
      recent: new MemoryRecentIssues(app.github),
      appLogin: app.github.appLogin,
    }),
    readFile: () => "",
    now: app.clock.now,
    wait: async (ms) => {
      waits.push(ms);
    },
  });
  const out: string[] = [];
  const io: CliIo = { stdout: (t) => out.push(t), stderr: (t) => out.push(t), env: ENV };
  const code = await command.run(["--repo", "medic/cht-core", ...args], io).catch((error) => {
    out.push(String(error));
    return 1;
  });
  return { code, out: out.join(""), waits };
}

async function accepted(): Promise<Installed> {
  const app = await installedWithBacklog();
  await app.deliver(app.github.as(app.people.user).comment(nth(app.recent, 0), "Any news?"));
  await app.deliver(tick(app, app.people.writer, "accept"));
  await app.deliverEchoes();
  return app;
}

describe("squad-bot adopt", () => {
  it("refuses where squad-bot waits for a maintainer", async () => {
    const app = await installedWithBacklog();
    await app.deliver(app.github.as(app.people.user).comment(nth(app.recent, 0), "Any news?"));
    const { code, out } = await adopt(app, ["--since", "2026-04-01"]);
    expect(code).toBe(1);
    expect(out).toContain(
      "squad-bot is not on in medic/cht-core yet: a maintainer turns it on in #121",
    );
  });

  it("prints the plan in a dry run and writes nothing", async () => {
    const app = await accepted();
    const writes = app.github.writeCount();
    const { code, out } = await adopt(app, ["--since", "2026-04-01", "--dry-run"]);
    expect(code).toBe(0);
    expect(out).toContain("80 open feature requests updated since 2026-04-01 have no card");
    expect(out).toContain("  #21 Request 0: label `enhancement`");
    expect(out).not.toContain("Old request");
    expect(app.github.writeCount()).toBe(writes);
  });

  it("cards each at the asked rate: one comment and one label per issue", async () => {
    const app = await accepted();
    const { code, waits } = await adopt(app, ["--since", "2026-04-01", "--per-minute", "20"]);
    expect(code).toBe(0);
    expect(waits).toEqual(Array(79).fill(3000));
    for (const ref of app.recent) {
      expect(app.github.botComments(ref)).toHaveLength(1);
      expect(cards(app.github, ref)).toHaveLength(1);
      expect(app.github.labelsOf(ref)).toEqual(["enhancement", "phase: inception"]);
    }
    for (const ref of app.old) expect(app.github.botComments(ref)).toEqual([]);
  });

  it("says a --since that is not a day is a usage mistake", async () => {
    const app = await accepted();
    const { out } = await adopt(app, ["--since", "June"]);
    expect(out).toContain('--since must be a day as YYYY-MM-DD, got "June"');
  });
});

describe("connectAsApp", () => {
  afterEach(() => {
    nock.cleanAll();
    nock.enableNetConnect();
  });

  it("says so when the app is not installed on the repository", async () => {
    nock.disableNetConnect();
    const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
    const key = privateKey.export({ type: "pkcs1", format: "pem" }).toString();
    nock("https://api.github.com")
      .get("/app")
      .reply(200, { slug: "squad-bot-medic" })
      .get("/repos/medic/cht-core/installation")
      .reply(404, { message: "Not Found" });
    await expect(
      connectAsApp({ appId: "1", privateKey: key }, { owner: "medic", repo: "cht-core" }),
    ).rejects.toThrow("the app is not installed on medic/cht-core");
  });
});
