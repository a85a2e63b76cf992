/** Hostile or broken input: a clear outcome, no crash, nothing lost. */
import { createHmac } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { pino } from "pino";
import { createNodeMiddleware, Probot } from "probot";
import { afterEach, describe, expect, it } from "vitest";
import { createApp } from "../../src/app/create-app.js";
import { acceptedOnboarding } from "../../src/features/onboarding/status.js";
import { createWorld } from "../double/index.js";
import { startApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";
import { templates } from "../support/templates.js";

const CONFIG = "preset: squad-journey\n";
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};

let server: Server | undefined;
afterEach(() => server?.close());

describe("webhook signatures", () => {
  it("rejects a delivery with a wrong signature before any work", async () => {
    const world = createWorld({ config: CONFIG });
    const probot = new Probot({
      githubToken: "t",
      secret: "right-secret",
      log: pino({ level: "silent" }),
    });
    const middleware = await createNodeMiddleware(
      createApp({
        githubFor: () => world.github,
        appLogin: async () => world.github.appLogin,
        onboardingSeed: acceptedOnboarding,
        templates,
        now: () => new Date(),
        dryRun: false,
      }),
      { probot },
    );
    server = createServer((req, res) => middleware(req, res, () => res.writeHead(404).end()));
    await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/github/webhooks`;
    const opened = world.github.as(world.people.user).openIssue(world.repo, FEATURE);
    const body = JSON.stringify(opened.payload);
    const send = (secret: string) =>
      fetch(url, {
        method: "POST",
        body,
        headers: {
          "content-type": "application/json",
          "x-github-event": "issues",
          "x-github-delivery": opened.id,
          "x-hub-signature-256": `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`,
        },
      });
    expect((await send("wrong-secret")).status).toBe(400);
    expect(world.github.requests).toEqual([]);
    expect((await send("right-secret")).status).toBe(200);
    expect(cards(world.github, opened.ref)).toHaveLength(1);
  });
});

describe("malformed payloads", () => {
  it.each([
    ["issues", { action: "opened" }],
    ["issues", { action: "labeled", issue: { number: "seven" }, repository: {}, sender: {} }],
    ["issue_comment", { action: "created", comment: null }],
    ["push", { ref: 42 }],
    ["pull_request", {}],
  ])("ignores a truncated %s payload without a request", async (name, payload) => {
    const app = await startApp({ config: CONFIG });
    await app.deliver({ id: "bad-1", name, payload });
    expect(app.github.requests).toEqual([]);
  });
});

describe("large and hostile content", () => {
  it("handles a 1 MB issue body", async () => {
    const app = await startApp({ config: CONFIG });
    const body = `${FEATURE.body}\n${"Sync details. ".repeat(75_000)}`;
    const opened = app.github.as(app.people.user).openIssue(app.repo, { title: "Huge", body });
    await app.deliver(opened);
    expect(cardState(app.github, opened.ref).phase).toBe("inception");
  });

  it("mentions at most maxMentions people however many follow a feature", async () => {
    const app = await startApp({ config: `${CONFIG}notifications:\n  maxMentions: 10\n` });
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    const crowd = Array.from({ length: 40 }, (_, i) => `fan-${i}`);
    for (const fan of crowd)
      await app.deliver(app.github.as(fan).comment(opened.ref, "/interested"));
    await app.deliver(
      app.github.as(app.people.maintainer).addLabel(opened.ref, "phase: convergence"),
    );
    const notice = botMessages(app.github, opened.ref).find((m) => m.includes("moved")) ?? "";
    expect(notice.match(/@fan-\d+/g)).toHaveLength(10);
    expect(notice).toContain("30");
  });

  it("cannot be made to mention or link through a title, reason or link", async () => {
    const app = await startApp({ config: CONFIG });
    const opened = app.github.as(app.people.user).openIssue(app.repo, {
      title: "@everyone <img src=x onerror=alert(1)> [x](https://evil.example)",
      body: FEATURE.body,
    });
    await app.deliver(opened);
    await app.deliver(
      app.github
        .as(app.people.maintainer)
        .comment(opened.ref, "/blocked waiting on @medic/core <script>alert(1)</script>"),
    );
    const card = cards(app.github, opened.ref)[0]?.body ?? "";
    const visible = card.replace(/<!-- squad-bot:card .*? -->/, "");
    expect(visible).not.toMatch(/(^|[^\w\u200d])@(everyone|medic)/);
    expect(visible).not.toContain("<img");
    expect(visible).not.toContain("<script");
    expect(visible).not.toContain("](https://evil.example)");
  });
});
