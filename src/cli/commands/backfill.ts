/** `squad-bot backfill`: rebuilds the contributor store from an organization's GitHub history. */
import { tokenOctokit } from "../../github/octokit/client.js";
import { OctokitHistory } from "../../github/octokit/history.js";
import {
  type BackfillProgress,
  type BackfillReport,
  BackfillStopped,
  backfill,
} from "../../store/backfill.js";
import type { HistoryPort } from "../../store/history-port.js";
import {
  type ContributorStore,
  describeStore,
  openStore,
  storeOptionsFromEnv,
} from "../../store/index.js";
import { type CliCommand, type CliIo, readOptions, UsageError } from "../command.js";

const USAGE = `Usage: squad-bot backfill --org <org> [--since <date>] [--repo <name>] [--restart] [--no-wait]

Rebuilds the contributor store from the organization's GitHub history: the issues and pull
requests of every public repository, with their comments and reviews. An event already stored
is never counted twice, so running it again is always safe; an interrupted run continues where
it stopped.

Options:
  --org <org>      organization to read (required)
  --since <date>   only items updated, and events that happened, since then (YYYY-MM-DD or ISO 8601)
  --repo <name>    only this repository
  --restart        read everything again instead of continuing from the saved position
  --no-wait        stop, instead of waiting for the reset, when the GitHub quota runs low

Environment:
  GITHUB_TOKEN        token to read GitHub with (required)
  DATABASE_URL        PostgreSQL to write to; otherwise PGlite in SQUAD_BOT_DATA_DIR (default ./data)`;

export interface BackfillCommandDeps {
  openStore: (env: NodeJS.ProcessEnv) => Promise<ContributorStore>;
  createHistory: (token: string) => HistoryPort;
  /** Whether stderr is a terminal, where progress is one line rewritten in place. */
  isTty: () => boolean;
  now?: () => Date;
  sleep?: (ms: number) => Promise<void>;
}

const DEFAULT_DEPS: BackfillCommandDeps = {
  openStore: (env) => openStore(storeOptionsFromEnv(env)),
  createHistory: (token) => new OctokitHistory(tokenOctokit(token)),
  isTty: () => process.stderr.isTTY === true,
};

interface Parsed {
  org: string;
  repo?: string;
  since?: Date;
  restart: boolean;
  wait: boolean;
}

function parse(args: string[]): Parsed {
  const values = parseOptions(args);
  if (!values.org) throw new UsageError("--org is required");
  const parsed: Parsed = { org: values.org, restart: !!values.restart, wait: !values["no-wait"] };
  if (values.repo) parsed.repo = values.repo;
  if (values.since !== undefined) {
    const since = new Date(values.since);
    if (!/^\d{4}-\d{2}-\d{2}/.test(values.since) || Number.isNaN(since.getTime())) {
      throw new UsageError(`--since "${values.since}" is not a date like 2026-01-31`);
    }
    parsed.since = since;
  }
  return parsed;
}

const parseOptions = (args: string[]) =>
  readOptions(args, {
    org: { type: "string" },
    repo: { type: "string" },
    since: { type: "string" },
    restart: { type: "boolean" },
    "no-wait": { type: "boolean" },
  });

const n = (value: number): string => value.toLocaleString("en-US");

function progressLine(p: BackfillProgress): string {
  const items = p.items.issues + p.items.pullRequests + p.items.comments + p.items.reviews;
  return `${p.org} ${p.repository}/${p.repositories} ${p.repo}: ${p.source} · ${n(items)} items · ${n(p.requests)} requests · ${n(p.newEvents)} new events`;
}

/** On a terminal one line redrawn in place; elsewhere, such as CI logs, one line per page. */
function progressWriter(io: CliIo, tty: boolean) {
  let drawn = false;
  return {
    show(line: string) {
      if (!tty) return io.stderr(`${line}\n`);
      io.stderr(`\r\x1b[2K${line}`);
      drawn = true;
    },
    /** Ends the in-place line so the next output starts on a fresh one. */
    end() {
      if (drawn) io.stderr("\n");
      drawn = false;
    },
  };
}

function summary(r: BackfillReport, stopped: boolean): string {
  return [
    `Backfill of ${r.org} ${stopped ? "stopped" : "done"}: ${n(r.repositories)} repositories, ${n(r.items.issues)} issues, ${n(r.items.pullRequests)} pull requests, ${n(r.items.comments)} comments, ${n(r.items.reviews)} reviews.`,
    `Events: ${n(r.newEvents)} new, ${n(r.knownEvents)} already stored.`,
    `GitHub: ${n(r.requests)} requests, ${n(r.points)} points, ${r.itemsPerRequest.toFixed(1)} items per request, ${(r.elapsedMs / 1000).toFixed(1)} s.`,
  ].join("\n");
}

export function createBackfillCommand(overrides: Partial<BackfillCommandDeps> = {}): CliCommand {
  const deps = { ...DEFAULT_DEPS, ...overrides };
  return {
    name: "backfill",
    summary: "Rebuild the contributor store from an organization's GitHub history",
    usage: USAGE,
    async run(args, io) {
      const options = parse(args);
      const token = io.env.GITHUB_TOKEN;
      if (!token) throw new UsageError("GITHUB_TOKEN is not set");
      const store = await deps.openStore(io.env);
      const progress = progressWriter(io, deps.isTty());
      io.stderr(`Backfilling ${options.org} into ${describeStore(storeOptionsFromEnv(io.env))}\n`);
      try {
        const report = await backfill(
          {
            store,
            history: deps.createHistory(token),
            ...(deps.now ? { now: deps.now } : {}),
            ...(deps.sleep ? { sleep: deps.sleep } : {}),
            onProgress: (p) => progress.show(progressLine(p)),
            onNotice: (message) => {
              progress.end();
              io.stderr(`${message}\n`);
            },
          },
          options,
        );
        progress.end();
        io.stdout(`${summary(report, false)}\n`);
        return 0;
      } catch (error) {
        progress.end();
        if (!(error instanceof BackfillStopped)) {
          const message = error instanceof Error ? error.message : String(error);
          throw new Error(
            `${message}\nPages read before the failure are saved; run again to continue.`,
          );
        }
        io.stdout(`${summary(error.report, true)}\n`);
        io.stderr(`squad-bot backfill: ${error.message}\n`);
        return 1;
      } finally {
        await store.close();
      }
    },
  };
}

export const backfillCommand = createBackfillCommand();
