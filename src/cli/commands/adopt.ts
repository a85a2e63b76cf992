/** `squad-bot adopt`: cards the open backlog of a repository squad-bot is on in, at a bounded rate. */
import { readFileSync } from "node:fs";
import { offlineScope } from "../../app/offline-scope.js";
import { loadTemplates } from "../../core/load-templates.js";
import { SILENT_LOG } from "../../core/log.js";
import type { Templates } from "../../core/templates.js";
import { reasonText } from "../../doctor/recognition.js";
import { adoptCandidates, backlogCandidates } from "../../features/onboarding/adopt.js";
import { reconcileFeature } from "../../features/squad/reconcile.js";
import { type AppConnection, connectAsApp } from "../../github/octokit/app-connection.js";
import type { DoctorCredentials } from "../../github/octokit/doctor-facts.js";
import type { RepoRef } from "../../github/types.js";
import { type CliCommand, type CliIo, readOptions, repoOption, UsageError } from "../command.js";
import { appCredentials } from "../credentials.js";

const USAGE = `Usage: squad-bot adopt --repo owner/name --since YYYY-MM-DD [--dry-run] [--per-minute N]

Gives the open feature requests updated since a date that have no squad card their card, as the
app: each gets one comment (its card) and its phase label, nothing else. Only in a repository
where a maintainer turned squad-bot on (its onboarding issue).
  --since YYYY-MM-DD   open issues updated on or after this day (UTC)
  --dry-run            print which issues would be adopted and why; write nothing
  --per-minute N       cards per minute; default onboarding.adopt.perRun of the config

Environment: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH), as the server uses them.`;

export interface AdoptCommandDeps {
  connect(credentials: DoctorCredentials, repo: RepoRef): Promise<AppConnection>;
  readFile(path: string): string;
  now(): Date;
  wait(ms: number): Promise<void>;
  templates(): Templates;
}

const realDeps: AdoptCommandDeps = {
  connect: connectAsApp,
  readFile: (path) => readFileSync(path, "utf8"),
  now: () => new Date(),
  wait: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  templates: () => loadTemplates(),
};

const parse = (args: string[]) =>
  readOptions(args, {
    repo: { type: "string" },
    since: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    "per-minute": { type: "string" },
  });

function sinceOption(value: string | undefined): Date {
  const day = /^\d{4}-\d{2}-\d{2}$/.test(value ?? "") ? new Date(`${value}T00:00:00Z`) : null;
  if (!day || Number.isNaN(day.getTime()) || day.toISOString().slice(0, 10) !== value) {
    throw new UsageError(`--since must be a day as YYYY-MM-DD, got "${value ?? ""}"`);
  }
  return day;
}

function perMinuteOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100) {
    throw new UsageError(`--per-minute must be a whole number from 1 to 100, got "${value}"`);
  }
  return n;
}

export function createAdoptCommand(deps: AdoptCommandDeps): CliCommand {
  return {
    name: "adopt",
    summary: "give the open backlog its squad cards, at a bounded rate (after onboarding)",
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const options = parse(args);
      const repo = repoOption(options.repo);
      const since = sinceOption(options.since);
      const asked = perMinuteOption(options["per-minute"]);
      const dryRun = options["dry-run"];
      const credentials = appCredentials(io.env, deps.readFile);
      if (!credentials) throw new Error("set APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH)");
      const name = `${repo.owner}/${repo.repo}`;
      const connection = await deps.connect(credentials, repo);
      const scope = offlineScope({
        ...connection,
        now: deps.now,
        dryRun,
        log: SILENT_LOG,
        templates: deps.templates(),
      });
      const entry = await scope.onboarding(repo);
      if (!entry) throw new Error(`${name} has no valid, enabled squad-bot configuration`);
      if (!entry.status.accepted) {
        const where = entry.status.issue ? ` in #${entry.status.issue}` : "";
        throw new Error(`squad-bot is not on in ${name} yet: a maintainer turns it on${where}`);
      }
      const { config } = entry;
      const candidates = await backlogCandidates(connection.recent, config, repo, since);
      const perMinute = asked ?? config.onboarding.adopt.perRun;
      io.stdout(
        `${name}: ${candidates.length} open feature requests updated since ${options.since} have no card.\n`,
      );
      for (const c of candidates) io.stdout(`  #${c.number} ${c.title}: ${reasonText(c.reason)}\n`);
      if (dryRun) {
        io.stdout(
          `dry run: nothing written; each would get its card and phase label, ${perMinute} a minute\n`,
        );
        return 0;
      }
      const actor = connection.appLogin;
      const report = await adoptCandidates(
        {
          reconcile: (ref) => reconcileFeature(scope, config, ref, { kind: "reconcile", actor }),
          wait: deps.wait,
        },
        repo,
        candidates,
        candidates.length,
        60_000 / perMinute,
      );
      io.stdout(`adopted ${report.carded.length}, ${perMinute} a minute\n`);
      for (const f of report.failed) io.stderr(`  #${f.number} failed: ${f.error}\n`);
      return report.failed.length > 0 ? 1 : 0;
    },
  };
}

export const adoptCommand = createAdoptCommand(realDeps);
