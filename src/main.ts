#!/usr/bin/env node
/**
 * `npm start`: serves the app with Probot's server, with our own rate-limit policy. Without
 * credentials Probot serves its registration page, which creates the app from `app.yml`.
 */
import { run } from "probot";
import { SquadBotOctokit } from "./github/squad-bot-octokit.js";
import app, { serving } from "./index.js";

try {
  serving(await run(app, { Octokit: SquadBotOctokit }));
} catch (error) {
  const proxy = process.env.WEBHOOK_PROXY_URL;
  // The proxy client rejects with a bare event; a newcomer needs to know which setting to fix.
  const reason = error instanceof Error ? error.message : String(describe(error));
  const hint = proxy
    ? `\nsquad-bot: is the webhook proxy reachable? WEBHOOK_PROXY_URL ${proxy} (unset it to receive webhooks directly)`
    : "";
  process.stderr.write(`squad-bot: the server did not start: ${reason}${hint}\n`);
  process.exit(1);
}

function describe(error: unknown): unknown {
  return typeof error === "object" && error !== null && "message" in error ? error.message : error;
}
