/**
 * A Scope outside the webhook server, over ports the caller connected (`squad-bot adopt`): the
 * same config cache, onboarding gate, locks and dry-run rule as a delivery, without Probot.
 */
import type { Probot } from "probot";
import type { Log } from "../core/log.js";
import type { Templates } from "../core/templates.js";
import type { Scope } from "../features/feature.js";
import type { RecentIssuesPort } from "../features/sweep/recent.js";
import type { GitHubPort } from "../github/port.js";
import { Runtime } from "./runtime.js";

export interface OfflineScopeOptions {
  port: GitHubPort;
  recent: RecentIssuesPort;
  appLogin: string;
  now(): Date;
  dryRun: boolean;
  log: Log;
  templates: Templates;
}

export function offlineScope(options: OfflineScopeOptions): Scope {
  const { port, recent, appLogin, now, dryRun, log, templates } = options;
  // The runtime asks the app only for its login, which is known here.
  const runtime = new Runtime({} as Probot, {
    githubFor: () => port,
    appLogin: async () => appLogin,
    now,
    dryRun,
    templates,
  });
  return runtime.scope(port, log, 0, { recent });
}
