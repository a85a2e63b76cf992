/** Judges the facts `doctor` read: one finding per check, each problem with its next step. */

import { checkReferences, referencesOf } from "../config/references.js";
import type { Config } from "../config/schema.js";
import type { FeatureDefinition } from "../features/feature.js";
import {
  type AppFacts,
  type DeliveryFacts,
  type DoctorFacts,
  failed,
  type HookFacts,
  type InstallationFacts,
  type ManifestFacts,
  type ReadFailure,
} from "./facts.js";
import { recognitionPreview } from "./recognition.js";

export type Level = "ok" | "warn" | "fail";

export interface Finding {
  check: string;
  level: Level;
  summary: string;
  details: string[];
  /** What to do about it, in order. */
  next: string[];
}

const WEBHOOK_PATH = "/api/github/webhooks";
const LEVELS: Record<string, number> = { read: 1, write: 2, admin: 3 };
/** A finding per failed delivery is noise; the newest few say enough. */
const FAILURES_SHOWN = 5;

const finding = (check: string, level: Level, summary: string, more: Partial<Finding> = {}) => ({
  check,
  level,
  summary,
  details: more.details ?? [],
  next: more.next ?? [],
});

const why = (read: ReadFailure) => `${read.failed}${read.status ? ` (HTTP ${read.status})` : ""}`;

function credentials(facts: DoctorFacts): Finding {
  const { local, app } = facts;
  const next: string[] = [];
  if (!local.appId)
    next.push("set APP_ID (written to .env by the registration page of `npm start`)");
  if (!local.keyGiven) next.push("set PRIVATE_KEY or PRIVATE_KEY_PATH (the app's private key)");
  if (next.length > 0)
    return finding("credentials", "fail", "the app's credentials are missing", { next });
  if (failed(app) || !app) {
    return finding(
      "credentials",
      "fail",
      `GitHub refused the app's credentials: ${app ? why(app) : "not read"}`,
      {
        next: [
          "check that PRIVATE_KEY belongs to the app with id APP_ID (GitHub → Settings → Developer settings → GitHub Apps)",
          "check the machine's clock: the app's token is only valid for a few minutes around now",
        ],
      },
    );
  }
  const secret = local.webhookSecretSet
    ? []
    : [
        'set WEBHOOK_SECRET to the app\'s webhook secret: without it Probot checks signatures against "development"',
      ];
  return finding(
    "credentials",
    secret.length > 0 ? "warn" : "ok",
    `app ${app.name} (${app.slug}), owned by ${app.owner}`,
    { next: secret },
  );
}

function webhook(
  hook: HookFacts | ReadFailure | null,
  app: AppFacts | null,
  proxy: string | null,
): Finding {
  if (!hook) return finding("webhook", "warn", "not read (the credentials failed)");
  if (failed(hook))
    return finding("webhook", "fail", `could not read the app's webhook: ${why(hook)}`);
  const settings = app ? `https://github.com/settings/apps/${app.slug}` : "the app's settings";
  const url = hook.url.trim();
  const problems: string[] = [];
  let level: Level = "ok";
  if (url === "" || /(^|\.)example\.(com|org|net)$/i.test(hostOf(url))) {
    level = "fail";
    problems.push(
      `set the webhook URL in ${settings} to https://<your host>${WEBHOOK_PATH}, or to a smee.io channel for a local app`,
    );
  } else if (hostOf(url) === "smee.io") {
    if (!proxy) {
      level = "warn";
      problems.push(
        `webhooks go to the channel ${url}: run the app with WEBHOOK_PROXY_URL=${url}, or point the webhook at your server (${settings})`,
      );
    } else if (proxy !== url) {
      level = "fail";
      problems.push(
        `WEBHOOK_PROXY_URL is ${proxy}, but GitHub sends webhooks to ${url}: make them the same`,
      );
    }
  } else if (!pathOf(url).endsWith(WEBHOOK_PATH)) {
    level = "warn";
    problems.push(
      `the webhook URL ${url} does not end in ${WEBHOOK_PATH}, where squad-bot listens`,
    );
  }
  if (!hook.secretSet) {
    level = "fail";
    problems.push(
      `the webhook has no secret: set one in ${settings} and the same value as WEBHOOK_SECRET`,
    );
  }
  return finding("webhook", level, `GitHub sends webhooks to ${url || "(no URL)"}`, {
    next: problems,
  });
}

const hostOf = (url: string) => (URL.canParse(url) ? new URL(url).hostname.toLowerCase() : "");
const pathOf = (url: string) => (URL.canParse(url) ? new URL(url).pathname : "");

function installation(facts: DoctorFacts, app: AppFacts | null): Finding {
  const found = facts.installation;
  if (failed(found))
    return finding("installation", "fail", `could not read the installation: ${why(found)}`);
  if (!found) {
    const where = app
      ? `https://github.com/apps/${app.slug}/installations/new`
      : "the app's public page";
    return finding("installation", "fail", `the app is not installed on ${facts.repo}`, {
      next: [`install it on ${facts.repo}: ${where}`],
    });
  }
  return finding("installation", "ok", `installed for ${found.account} (installation ${found.id})`);
}

function permissions(found: InstallationFacts, manifest: ManifestFacts): Finding {
  const missing = Object.entries(manifest.permissions).filter(
    ([name, level]) => (LEVELS[found.permissions[name] ?? ""] ?? 0) < (LEVELS[level] ?? 0),
  );
  const events = manifest.events.filter((event) => !found.events.includes(event));
  const details = [
    ...missing.map(
      ([name, level]) =>
        `permission ${name}: needs ${level}, granted ${found.permissions[name] ?? "none"}`,
    ),
    ...events.map((event) => `event ${event}: not subscribed`),
  ];
  if (details.length === 0)
    return finding("permissions", "ok", "every permission and event app.yml asks for is granted");
  return finding("permissions", "fail", "the installation lacks what app.yml asks for", {
    details,
    next: [
      `add them to the app's permissions and events, then accept them in ${found.settingsUrl}`,
    ],
  });
}

function deliveries(found: DoctorFacts["deliveries"], installationId: number | null): Finding {
  if (!found) return finding("deliveries", "warn", "not read (the credentials failed)");
  if (failed(found))
    return finding("deliveries", "warn", `could not read recent deliveries: ${why(found)}`);
  const mine = found.filter((d) => installationId === null || d.installationId === installationId);
  if (mine.length === 0) {
    return finding("deliveries", "warn", "GitHub sent no recent webhook for this installation", {
      next: [
        "open or comment on an issue in the repository, then run doctor again; if nothing arrives, check the webhook URL",
      ],
    });
  }
  const failures = mine.filter((d) => d.statusCode < 200 || d.statusCode >= 300);
  const newest = mine[0] as DeliveryFacts;
  const summary = `${mine.length} recent, ${failures.length} failed; the newest ${newest.event}${newest.action ? `.${newest.action}` : ""} at ${newest.deliveredAt}`;
  if (failures.length === 0) return finding("deliveries", "ok", summary);
  return finding("deliveries", "fail", summary, {
    details: failures
      .slice(0, FAILURES_SHOWN)
      .map(
        (d) =>
          `${d.deliveredAt} ${d.event}${d.action ? `.${d.action}` : ""} (${d.guid}): ${d.status}`,
      ),
    next: [...new Set(failures.map((d) => adviceFor(d.statusCode)))].concat(
      "redeliver them from the app's Advanced tab once fixed: redelivery is safe",
    ),
  });
}

function adviceFor(status: number): string {
  if (status === 0)
    return "GitHub could not reach the webhook URL: is the server (or the proxy client) running?";
  if (status === 404) return `the server answered 404: the webhook URL must end in ${WEBHOOK_PATH}`;
  if (status === 400 || status === 401)
    return "the server refused the signature: WEBHOOK_SECRET must equal the app's webhook secret";
  if (status >= 500)
    return "the server failed while handling them: read its log for the delivery ids above";
  return `the server answered ${status}: read its log for the delivery ids above`;
}

function configuration(facts: DoctorFacts, features: readonly FeatureDefinition[]): Finding[] {
  const loaded = facts.config;
  if (!loaded) return [finding("config", "warn", "not read (the app is not installed)")];
  if (failed(loaded))
    return [finding("config", "fail", `could not read the configuration: ${why(loaded)}`)];
  if (loaded.ok === "absent") {
    return [
      finding(
        "config",
        "warn",
        "no .github/squad-bot.yml: squad-bot does nothing in this repository",
        {
          next: [
            "commit .github/squad-bot.yml (even `preset: cht` alone) to switch it on; see README Configuration",
          ],
        },
      ),
    ];
  }
  if (!loaded.ok) {
    return [
      finding("config", "fail", `the configuration is invalid (${loaded.sources.join(" → ")})`, {
        details: loaded.problems.map((p) => `${p.source} ${p.path}: ${p.message}`),
        next: ["fix these in the file named; the bot writes nothing in this repository until then"],
      }),
    ];
  }
  const on = features.filter((f) => f.isOn?.(loaded.config) ?? false).map((f) => f.name);
  const dry = loaded.config.dryRun ? " (dry run: nothing is written)" : "";
  return [
    finding("config", "ok", `valid (${loaded.sources.join(" → ")})${dry}`, {
      details: [`features on: ${on.join(", ") || "none"}`],
    }),
    references(facts, loaded.config),
    recognition(facts, loaded.config),
  ];
}

function references(facts: DoctorFacts, config: Config): Finding {
  if (!facts.existing) return finding("references", "warn", "not read");
  const problems = checkReferences(
    referencesOf(config, facts.repo.split("/")[0] ?? ""),
    facts.existing,
  );
  if (problems.length === 0) {
    return finding("references", "ok", "every label, team and repository the config names exists");
  }
  return finding("references", "warn", "the config names things GitHub does not have", {
    details: problems.map((p) => `${p.path}: ${p.message}`),
    next: ["fix the names in .github/squad-bot.yml, or create what they name"],
  });
}

function recognition(facts: DoctorFacts, config: Config): Finding {
  const issues = facts.openIssues;
  if (!issues || failed(issues)) {
    return finding(
      "recognition",
      "warn",
      `could not list open issues${issues ? `: ${why(issues)}` : ""}`,
    );
  }
  const preview = recognitionPreview(config, issues);
  return finding(
    "recognition",
    "ok",
    `${preview.recognised.length} of the ${issues.length} newest open issues are feature requests to this config`,
    { details: preview.lines },
  );
}

/** Every check, in the order a newcomer fixes them: credentials first, config last. */
export function diagnose(
  facts: DoctorFacts,
  manifest: ManifestFacts,
  features: readonly FeatureDefinition[],
): Finding[] {
  const app = failed(facts.app) ? null : facts.app;
  const found = failed(facts.installation) ? null : facts.installation;
  return [
    credentials(facts),
    webhook(facts.hook, app, facts.local.webhookProxyUrl),
    installation(facts, app),
    ...(found ? [permissions(found, manifest)] : []),
    deliveries(facts.deliveries, found?.id ?? null),
    ...configuration(facts, features),
  ];
}
