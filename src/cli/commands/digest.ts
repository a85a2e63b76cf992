/** `squad-bot digest`: renders a repository's or an organisation's digest and posts it once. */
import { loadConfig } from "../../config/load.js";
import { loadTemplates } from "../../core/load-templates.js";
import type { Templates } from "../../core/templates.js";
import type { CommunityPort } from "../../features/community/port.js";
import type { CommunityDigestProvider } from "../../features/digest/community.js";
import { StoreCommunityDigest } from "../../features/digest/community-collector.js";
import { type DigestKind, digestSettings } from "../../features/digest/config.js";
import { parsePeriod } from "../../features/digest/period.js";
import { parseRepo, runDigest } from "../../features/digest/run.js";
import type { DigestSource } from "../../features/digest/source.js";
import type { DigestDeliveryPort } from "../../github/delivery-port.js";
import { tokenOctokit } from "../../github/octokit/client.js";
import { OctokitCommunity } from "../../github/octokit/community.js";
import { OctokitDigestDelivery } from "../../github/octokit/digest-delivery.js";
import { OctokitDigestSource } from "../../github/octokit/digest-source.js";
import { OctokitGitHub } from "../../github/octokit/index.js";
import type { GitHubPort } from "../../github/port.js";
import { type ContributorStore, openStore, storeOptionsFromEnv } from "../../store/index.js";
import { type CliCommand, type CliIo, readOptions, UsageError } from "../command.js";

const USAGE = `Usage: squad-bot digest (--repo owner/name | --org name) [options]

Renders the digest of the last complete period and posts it as an issue, once per period.
  --repo owner/name   the repository whose .github/squad-bot.yml configures the digest
  --org name          the organisation's .github repository configures it (digests.<kind>.repos)
  --kind weekly|monthly   default weekly
  --period P          2026-W48 or 2026-11 instead of the last complete period
  --dry-run           print the Markdown, and on stderr what would be posted or closed;
                      read only, post nothing
  --text              with --dry-run, print the plain-text rendering instead

Environment: GITHUB_TOKEN (issues: write, contents: read); SQUAD_BOT_LOGIN, the app that writes
squad cards (default squad-bot[bot]); SQUAD_BOT_DIGEST_AUTHOR, who posts digests (default: the
token's user, or github-actions[bot] inside GitHub Actions). The monthly digest reads the
contributor store: DATABASE_URL (PostgreSQL) or SQUAD_BOT_DATA_DIR (PGlite) must be set.`;

/** What the command needs from the outside world; tests pass the in-memory GitHub. */
export interface DigestCommandDeps {
  connect(
    token: string,
    cardAuthor: string,
  ): {
    port: GitHubPort;
    source: DigestSource;
    /** Good first issues and org membership for the monthly digest. */
    community?: CommunityPort;
    /** Discussions and pinned comments, for `digests.delivery` other than `issue`. */
    delivery?: DigestDeliveryPort;
    /** The login the token posts as. */
    whoami(): Promise<string>;
  };
  now(): Date;
  /** The digest's texts, read when the command runs (tests pass the shipped ones). */
  templates(): Templates;
  /** A ready collector (tests); otherwise the monthly digest opens the store from the environment. */
  community?: CommunityDigestProvider;
  openStore?(env: NodeJS.ProcessEnv): Promise<ContributorStore>;
}

const octokitDeps: DigestCommandDeps = {
  connect(token, cardAuthor) {
    const octokit = tokenOctokit(token);
    return {
      port: new OctokitGitHub(octokit),
      source: new OctokitDigestSource(octokit, { cardAuthor }),
      community: new OctokitCommunity(octokit),
      delivery: new OctokitDigestDelivery(octokit),
      whoami: async () => (await octokit.rest.users.getAuthenticated()).data.login,
    };
  },
  now: () => new Date(),
  templates: () => loadTemplates(),
  openStore: (env) => openStore(storeOptionsFromEnv(env)),
};

const parse = (args: string[]) =>
  readOptions(args, {
    repo: { type: "string" },
    org: { type: "string" },
    kind: { type: "string", default: "weekly" },
    period: { type: "string" },
    "dry-run": { type: "boolean", default: false },
    text: { type: "boolean", default: false },
  });

export function createDigestCommand(deps: DigestCommandDeps): CliCommand {
  return {
    name: "digest",
    summary: "post the weekly squad or monthly community digest (once per period)",
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const options = parse(args);
      if (Boolean(options.repo) === Boolean(options.org)) {
        throw new UsageError("give exactly one of --repo owner/name and --org name");
      }
      if (options.repo && !/^[\w.-]+\/[\w.-]+$/.test(options.repo)) {
        throw new UsageError(`--repo must be owner/name, got "${options.repo}"`);
      }
      const kind = options.kind as DigestKind;
      if (kind !== "weekly" && kind !== "monthly") {
        throw new UsageError(`--kind must be weekly or monthly, got "${options.kind}"`);
      }
      const token = io.env.GITHUB_TOKEN;
      if (!token) throw new Error("GITHUB_TOKEN is not set");
      const home = options.repo
        ? parseRepo(options.repo)
        : { owner: String(options.org), repo: ".github" };
      const github = deps.connect(token, io.env.SQUAD_BOT_LOGIN ?? "squad-bot[bot]");

      const templates = deps.templates();
      const loaded = await loadConfig(github.port, home, templates);
      if (loaded.ok === "absent")
        throw new Error(`${home.owner}/${home.repo} has no squad-bot configuration`);
      if (!loaded.ok) {
        const lines = loaded.problems.map((p) => `  ${p.source} ${p.path}: ${p.message}`);
        throw new Error(`the configuration is invalid:\n${lines.join("\n")}`);
      }
      const digests = digestSettings(loaded.config);
      const settings = digests[kind];
      if (options.org && settings.repos.length === 0) {
        throw new Error(`an org-wide digest needs digests.${kind}.repos in ${home.owner}/.github`);
      }
      const period = options.period
        ? parsePeriod(kind, options.period, settings.timezone)
        : undefined;
      if (period === null)
        throw new UsageError(`--period "${options.period}" is not a ${kind} period`);
      const dryRun = options["dry-run"];
      // A dry run plans against the earlier digests too, so it needs to know whose they are.
      const author =
        io.env.SQUAD_BOT_DIGEST_AUTHOR ??
        (io.env.GITHUB_ACTIONS === "true" ? "github-actions[bot]" : await github.whoami());

      // Only where the store was asked for: a default ./data would read an empty store silently.
      const wantsStore = kind === "monthly" && !deps.community && storeConfigured(io.env);
      const store = wantsStore && deps.openStore ? await deps.openStore(io.env) : undefined;
      const community =
        deps.community ??
        (store
          ? new StoreCommunityDigest({
              store,
              community: loaded.config.community,
              ...(github.community ? { port: github.community } : {}),
              limit: digests.monthly.listLimit,
              templates,
            })
          : undefined);
      if (kind === "monthly" && !community) {
        throw new Error(
          "the monthly digest reads the contributor store: set DATABASE_URL or SQUAD_BOT_DATA_DIR",
        );
      }
      const result = await runDigest({
        port: github.port,
        source: github.source,
        home,
        config: loaded.config,
        digests,
        kind,
        now: deps.now(),
        ...(period ? { period } : {}),
        author,
        dryRun,
        templates,
        ...(community ? { community } : {}),
        ...(github.delivery ? { delivery: github.delivery } : {}),
      }).finally(() => store?.close());
      if (dryRun) {
        io.stdout(options.text ? result.text : `${result.rendered.markdown}\n`);
        // On stderr, so that stdout stays the digest alone.
        for (const write of result.writes) io.stderr(`dry run: would ${write}\n`);
        return 0;
      }
      const where = result.issue ? ` #${result.issue.number}` : "";
      const reads = result.reads ? ` (${result.reads.requests} read requests)` : "";
      io.stdout(
        `${result.period.key}: ${result.outcome === "posted" ? "posted" : "already posted"}${where}${reads}\n`,
      );
      return 0;
    },
  };
}

const storeConfigured = (env: NodeJS.ProcessEnv) =>
  Boolean(env.DATABASE_URL || env.SQUAD_BOT_DATA_DIR);

export const digestCommand = createDigestCommand(octokitDeps);
