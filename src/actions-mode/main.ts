#!/usr/bin/env node
/**
 * GitHub Actions mode: runs the same app on the event of the workflow run that started it, with
 * the workflow's token, for communities that host no server. (The published Probot adapter
 * targets Probot 13, hence this small glue.)
 */
import { readFile } from "node:fs/promises";
import { pathToFileURL } from "node:url";
import { pino } from "pino";
import { Probot } from "probot";
import { createApp } from "../app/create-app.js";
import { loadTemplates } from "../core/load-templates.js";
import { acceptedOnboarding } from "../features/onboarding/status.js";
import { OctokitGitHub } from "../github/octokit/index.js";

export interface ActionsEnv {
  GITHUB_EVENT_NAME?: string | undefined;
  GITHUB_EVENT_PATH?: string | undefined;
  GITHUB_TOKEN?: string | undefined;
  GITHUB_RUN_ID?: string | undefined;
  GITHUB_RUN_ATTEMPT?: string | undefined;
  SQUAD_BOT_LOGIN?: string | undefined;
  SQUAD_BOT_DRY_RUN?: string | undefined;
  LOG_LEVEL?: string | undefined;
}

/** What the workflow run must provide; each missing piece is named so the fix is obvious. */
export function readActionsEnv(env: ActionsEnv) {
  const missing = (["GITHUB_EVENT_NAME", "GITHUB_EVENT_PATH", "GITHUB_TOKEN"] as const).filter(
    (k) => !env[k],
  );
  if (missing.length > 0) {
    throw new Error(
      `missing ${missing.join(", ")}: run this inside a GitHub Actions job with \`env: GITHUB_TOKEN: \${{ github.token }}\``,
    );
  }
  return {
    event: env.GITHUB_EVENT_NAME as string,
    eventPath: env.GITHUB_EVENT_PATH as string,
    token: env.GITHUB_TOKEN as string,
    deliveryId: `actions-${env.GITHUB_RUN_ID ?? "local"}-${env.GITHUB_RUN_ATTEMPT ?? "1"}`,
    // A workflow's token acts as github-actions[bot]; its own writes start no workflow, so the
    // bot cannot loop, but its comments are still recognised as its own by this login.
    login: env.SQUAD_BOT_LOGIN ?? "github-actions[bot]",
    dryRun: env.SQUAD_BOT_DRY_RUN === "true",
    logLevel: env.LOG_LEVEL ?? "info",
  };
}

export async function runInActions(env: ActionsEnv): Promise<void> {
  const settings = readActionsEnv(env);
  const payload: unknown = JSON.parse(await readFile(settings.eventPath, "utf8"));
  const probot = new Probot({
    githubToken: settings.token,
    log: pino({ level: settings.logLevel }),
  });
  await probot.load(
    createApp({
      githubFor: (context) => new OctokitGitHub(context.octokit),
      appLogin: async () => settings.login,
      templates: loadTemplates(),
      now: () => new Date(),
      dryRun: settings.dryRun,
      // Committing the workflow that runs squad-bot is already a maintainer's decision to run it.
      onboardingSeed: acceptedOnboarding,
    }),
  );
  await probot.receive({ id: settings.deliveryId, name: settings.event, payload } as Parameters<
    Probot["receive"]
  >[0]);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  runInActions(process.env).catch((error: unknown) => {
    console.error(`squad-bot: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  });
}
