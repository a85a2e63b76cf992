/** `squad-bot dashboard --out <dir>`: the community dashboard as a static site, for GitHub Pages. */
import { loadConfig } from "../../config/load.js";
import { loadTemplates } from "../../core/load-templates.js";
import { dashboardConfigSchema } from "../../features/dashboard/config.js";
import { takeSnapshot } from "../../features/dashboard/refresh.js";
import { shownRepos } from "../../features/dashboard/visibility.js";
import { parseRepo } from "../../features/digest/run.js";
import { tokenOctokit } from "../../github/octokit/client.js";
import { OctokitCommunity } from "../../github/octokit/community.js";
import { OctokitDigestSource } from "../../github/octokit/digest-source.js";
import { OctokitGitHub } from "../../github/octokit/index.js";
import { OctokitRepoVisibility } from "../../github/octokit/repo-visibility.js";
import { type ContributorStore, openStore, storeOptionsFromEnv } from "../../store/index.js";
import { exportSite } from "../../web/export.js";
import { type DashboardSnapshot, parseSnapshot } from "../../web/snapshot.js";
import { type CliCommand, type CliIo, readOptions, repoOption, UsageError } from "../command.js";

const USAGE = `Usage: squad-bot dashboard --out <dir> [--repo owner/name]

Writes the community dashboard as a static site (HTML pages, data.json, schema.json and
demand.csv) into <dir>, for GitHub Pages or any web server.
  --out <dir>         where to write (created if missing)
  --repo owner/name   take a fresh snapshot of this repository's dashboard from GitHub
                      (needs GITHUB_TOKEN); without it, the snapshot the server last kept
                      in the store is written

Environment: GITHUB_TOKEN with --repo; DATABASE_URL or SQUAD_BOT_DATA_DIR for the store (the
community journey, and the kept snapshot without --repo); SQUAD_BOT_LOGIN, the app that writes
squad cards (default squad-bot[bot]).`;

export interface DashboardCommandDeps {
  openStore(env: NodeJS.ProcessEnv): Promise<ContributorStore>;
  /** A fresh snapshot from GitHub. */
  fresh(repo: string, io: CliIo, store: ContributorStore | undefined): Promise<DashboardSnapshot>;
}

async function freshSnapshot(name: string, io: CliIo, store: ContributorStore | undefined) {
  const token = io.env.GITHUB_TOKEN;
  if (!token) throw new Error("GITHUB_TOKEN is not set: --repo reads GitHub");
  const home = parseRepo(name);
  const octokit = tokenOctokit(token);
  const templates = loadTemplates();
  const loaded = await loadConfig(new OctokitGitHub(octokit), home, templates);
  if (loaded.ok !== true) throw new Error(`${name} has no valid squad-bot configuration`);
  const settings = loaded.config.dashboard ?? dashboardConfigSchema.parse({});
  const wanted = settings.repos.length > 0 ? settings.repos.map(parseRepo) : [home];
  const visibility = new OctokitRepoVisibility(octokit);
  const { shown, hidden } = await shownRepos(wanted, settings.includePrivate, visibility);
  if (hidden.length > 0) {
    io.stderr(`left out, not public: ${hidden.map((r) => `${r.owner}/${r.repo}`).join(", ")}\n`);
  }
  return takeSnapshot({
    config: loaded.config,
    settings,
    source: new OctokitDigestSource(octokit, {
      cardAuthor: io.env.SQUAD_BOT_LOGIN ?? "squad-bot[bot]",
    }),
    repos: shown,
    now: new Date(),
    templates,
    store,
    community: new OctokitCommunity(octokit),
  });
}

const DEFAULT_DEPS: DashboardCommandDeps = {
  openStore: (env) => openStore(storeOptionsFromEnv(env)),
  fresh: freshSnapshot,
};

export function createDashboardCommand(deps: DashboardCommandDeps): CliCommand {
  return {
    name: "dashboard",
    summary: "write the community dashboard as a static site",
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const options = readOptions(args, { out: { type: "string" }, repo: { type: "string" } });
      if (!options.out) throw new UsageError("--out <dir> is required");
      if (options.repo) repoOption(options.repo);
      const hasStore = Boolean(io.env.DATABASE_URL || io.env.SQUAD_BOT_DATA_DIR) || !options.repo;
      const store = hasStore ? await deps.openStore(io.env) : undefined;
      try {
        let snapshot: DashboardSnapshot | null;
        if (options.repo) {
          snapshot = await deps.fresh(options.repo, io, store);
        } else {
          const kept = await store?.loadSnapshot();
          snapshot = kept ? parseSnapshot(kept.data) : null;
          if (!snapshot) {
            io.stderr(
              "No dashboard snapshot in the store yet: run the server's refresh, or pass --repo.\n",
            );
            return 1;
          }
        }
        const files = await exportSite(snapshot, options.out);
        io.stdout(`Wrote ${files} files to ${options.out} (data taken ${snapshot.takenAt}).\n`);
        return 0;
      } finally {
        await store?.close();
      }
    },
  };
}

export const dashboardCommand = createDashboardCommand(DEFAULT_DEPS);
