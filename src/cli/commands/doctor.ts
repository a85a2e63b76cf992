/** `squad-bot doctor`: is the app set up to work on one repository, and what to fix if not. */
import { readFileSync } from "node:fs";
import { loadTemplates } from "../../core/load-templates.js";
import type { Templates } from "../../core/templates.js";
import { diagnose } from "../../doctor/diagnose.js";
import { type DoctorFacts, type LocalFacts, unread } from "../../doctor/facts.js";
import { parseManifest } from "../../doctor/manifest.js";
import { renderDoctorReport } from "../../doctor/report.js";
import { FEATURES } from "../../features/index.js";
import { type DoctorCredentials, readDoctorFacts } from "../../github/octokit/doctor-facts.js";
import type { RepoRef } from "../../github/types.js";
import { type CliCommand, type CliIo, readOptions, repoOption } from "../command.js";
import { baseUrl, privateKeyOf } from "../credentials.js";

const USAGE = `Usage: squad-bot doctor --repo owner/name [--manifest app.yml]

Checks, for one repository, everything the app needs and says what to fix:
credentials, the app's webhook URL and secret, the installation, the permissions and events it
granted against app.yml, recent webhook deliveries and their failures, the configuration, and
which open issues that configuration takes for feature requests. Read only.

Environment: APP_ID and PRIVATE_KEY (or PRIVATE_KEY_PATH), as the server uses them;
WEBHOOK_SECRET and WEBHOOK_PROXY_URL are compared with the app's webhook. Exit code 1 when
something must be fixed.`;

export interface DoctorCommandDeps {
  read(
    credentials: DoctorCredentials,
    repo: RepoRef,
    local: LocalFacts,
    templates: Templates,
  ): Promise<{
    facts: DoctorFacts;
    requests: number;
  }>;
  readFile(path: string): string;
  /** Read when the command runs: a broken template is one of the things it reports. */
  templates(): Templates;
}

const realDeps: DoctorCommandDeps = {
  read: readDoctorFacts,
  readFile: (path) => readFileSync(path, "utf8"),
  templates: () => loadTemplates(),
};

const parse = (args: string[]) =>
  readOptions(args, { repo: { type: "string" }, manifest: { type: "string", default: "app.yml" } });

function createDoctorCommand(deps: DoctorCommandDeps): CliCommand {
  return {
    name: "doctor",
    summary: "check that the app can work on a repository, and say what to fix",
    usage: USAGE,
    async run(args: string[], io: CliIo): Promise<number> {
      const options = parse(args);
      const repo = repoOption(options.repo);
      const manifest = parseManifest(deps.readFile(options.manifest));
      const privateKey = privateKeyOf(io.env, deps.readFile);
      const local: LocalFacts = {
        appId: io.env.APP_ID ?? null,
        keyGiven: privateKey !== null,
        webhookSecretSet: Boolean(io.env.WEBHOOK_SECRET),
        webhookProxyUrl: io.env.WEBHOOK_PROXY_URL ?? null,
      };
      const name = `${repo.owner}/${repo.repo}`;
      const { facts, requests } =
        local.appId && privateKey
          ? await deps.read(
              { appId: local.appId, privateKey, ...baseUrl(io.env) },
              repo,
              local,
              deps.templates(),
            )
          : { facts: unread(name, local), requests: 0 };
      const findings = diagnose(facts, manifest, FEATURES);
      io.stdout(renderDoctorReport(name, findings, requests));
      return findings.some((f) => f.level === "fail") ? 1 : 0;
    },
  };
}

export const doctorCommand = createDoctorCommand(realDeps);
