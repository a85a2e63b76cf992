/**
 * The reads behind `squad-bot doctor`, as the app (JWT) and as its installation on one
 * repository. Each read that fails is recorded, not thrown: one broken step must not hide the
 * others. About eight requests in all.
 */
import { Probot, ProbotOctokit } from "probot";
import { loadConfig } from "../../config/load.js";
import type { Templates } from "../../core/templates.js";
import {
  type AppFacts,
  type DeliveryFacts,
  type DoctorFacts,
  failed,
  type HookFacts,
  type InstallationFacts,
  type LocalFacts,
  type OpenIssueFacts,
  type ReadFailure,
  unread,
} from "../../doctor/facts.js";
import type { RepoRef } from "../types.js";
import { OctokitGitHub } from "./octokit-github.js";
import { OctokitReferences } from "./references.js";

export interface DoctorCredentials {
  appId: string;
  privateKey: string;
  /** For GitHub Enterprise Server and tests. */
  baseUrl?: string;
}

/** A diagnosis reports what is, so nothing is retried or held back. */
const DoctorOctokit = ProbotOctokit.defaults((options: object) => ({
  ...options,
  retry: { enabled: false },
  throttle: { enabled: false },
}));

async function attempt<T>(what: string, read: () => Promise<T>): Promise<T | ReadFailure> {
  try {
    return await read();
  } catch (error) {
    const status = (error as { status?: unknown }).status;
    const reason = error instanceof Error ? error.message : String(error);
    return {
      failed: `${what}: ${reason}`,
      ...(typeof status === "number" ? { status } : {}),
    };
  }
}

/** A user owns the app by login, an organization by slug. */
function ownerName(owner: unknown): string {
  if (typeof owner !== "object" || owner === null) return "";
  if ("login" in owner && typeof owner.login === "string") return owner.login;
  return "slug" in owner && typeof owner.slug === "string" ? owner.slug : "";
}

export async function readDoctorFacts(
  credentials: DoctorCredentials,
  repo: RepoRef,
  local: LocalFacts,
  /** The config's problems are worded as the app words them. */
  templates: Templates,
): Promise<{ facts: DoctorFacts; requests: number }> {
  let requests = 0;
  const probot = new Probot({
    appId: credentials.appId,
    privateKey: credentials.privateKey,
    Octokit: DoctorOctokit,
    ...(credentials.baseUrl ? { baseUrl: credentials.baseUrl } : {}),
  });
  const counted = (octokit: ProbotOctokit) => {
    octokit.hook.before("request", () => {
      requests += 1;
    });
    return octokit;
  };
  const asApp = counted(await probot.auth());
  const name = `${repo.owner}/${repo.repo}`;
  const facts = unread(name, local);

  facts.app = await attempt("GET /app", async (): Promise<AppFacts> => {
    const { data } = await asApp.rest.apps.getAuthenticated();
    return { slug: data?.slug ?? "", name: data?.name ?? "", owner: ownerName(data?.owner) };
  });
  if (failed(facts.app)) return { facts, requests };

  facts.hook = await attempt("GET /app/hook/config", async (): Promise<HookFacts> => {
    const { data } = await asApp.rest.apps.getWebhookConfigForApp();
    return {
      url: data.url ?? "",
      secretSet: Boolean(data.secret),
      contentType: data.content_type ?? "",
    };
  });
  facts.deliveries = await attempt(
    "GET /app/hook/deliveries",
    async (): Promise<DeliveryFacts[]> => {
      const { data } = await asApp.rest.apps.listWebhookDeliveries({ per_page: 100 });
      return data.map((d) => ({
        guid: d.guid,
        event: d.event,
        action: d.action ?? null,
        status: d.status,
        statusCode: d.status_code,
        deliveredAt: d.delivered_at,
        redelivery: d.redelivery,
        installationId: d.installation_id ?? null,
      }));
    },
  );
  const installation = await attempt(
    `GET /repos/${name}/installation`,
    async (): Promise<InstallationFacts> => {
      const { data } = await asApp.rest.apps.getRepoInstallation({ ...repo });
      const account = data.account && "login" in data.account ? data.account.login : repo.owner;
      const org = data.target_type === "Organization";
      return {
        id: data.id,
        account,
        permissions: Object.fromEntries(
          Object.entries(data.permissions as Record<string, unknown>).filter(
            (e): e is [string, string] => typeof e[1] === "string",
          ),
        ),
        events: data.events,
        settingsUrl: org
          ? `https://github.com/organizations/${account}/settings/installations/${data.id}`
          : `https://github.com/settings/installations/${data.id}`,
      };
    },
  );
  facts.installation = failed(installation) && installation.status === 404 ? null : installation;
  if (!facts.installation || failed(facts.installation)) return { facts, requests };

  const asInstallation = counted(await probot.auth(facts.installation.id));
  const port = new OctokitGitHub(asInstallation);
  facts.config = await attempt("the configuration", () => loadConfig(port, repo, templates));
  facts.openIssues = await attempt(
    `GET /repos/${name}/issues`,
    async (): Promise<OpenIssueFacts[]> => {
      const { data } = await asInstallation.rest.issues.listForRepo({
        ...repo,
        state: "open",
        per_page: 100,
      });
      return data
        .filter((issue) => !issue.pull_request)
        .map((issue) => ({
          number: issue.number,
          title: issue.title,
          labels: issue.labels.map((l) => (typeof l === "string" ? l : (l.name ?? ""))),
          body: issue.body ?? "",
        }));
    },
  );
  if (!failed(facts.config) && facts.config?.ok === true) {
    facts.existing = await new OctokitReferences(asInstallation).readExisting(
      repo,
      facts.config.config,
    );
  }
  return { facts, requests };
}
