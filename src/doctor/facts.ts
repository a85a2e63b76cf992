/** What `squad-bot doctor` reads about one repository before it judges anything. */
import type { ConfigLoadResult } from "../config/load.js";
import type { Existing } from "../config/references.js";

/** A read that failed, with GitHub's status when there was one (401, 404, …). */
export interface ReadFailure {
  failed: string;
  status?: number;
}

export interface AppFacts {
  slug: string;
  name: string;
  owner: string;
}

export interface HookFacts {
  url: string;
  secretSet: boolean;
  contentType: string;
}

export interface InstallationFacts {
  id: number;
  account: string;
  /** `issues: "write"`, as the installation granted them. */
  permissions: Record<string, string>;
  events: string[];
  /** Where to accept new permissions or add repositories. */
  settingsUrl: string;
}

export interface DeliveryFacts {
  guid: string;
  event: string;
  action: string | null;
  /** "OK", or GitHub's reason ("Invalid HTTP Response: 404", "timed out"). */
  status: string;
  statusCode: number;
  deliveredAt: string;
  redelivery: boolean;
  installationId: number | null;
}

export interface OpenIssueFacts {
  number: number;
  title: string;
  labels: string[];
  body: string;
}

/** The environment the bot would run with, as far as doctor can see it. */
export interface LocalFacts {
  appId: string | null;
  keyGiven: boolean;
  webhookSecretSet: boolean;
  webhookProxyUrl: string | null;
}

export interface DoctorFacts {
  repo: string;
  local: LocalFacts;
  app: AppFacts | ReadFailure | null;
  hook: HookFacts | ReadFailure | null;
  /** Null: the app is not installed on the repository. */
  installation: InstallationFacts | ReadFailure | null;
  deliveries: DeliveryFacts[] | ReadFailure | null;
  config: ConfigLoadResult | ReadFailure | null;
  openIssues: OpenIssueFacts[] | ReadFailure | null;
  /** What the config's labels, teams and repositories name, as GitHub has it. */
  existing?: Existing;
}

/** What the manifest (`app.yml`) asks for: what the installation should have granted. */
export interface ManifestFacts {
  permissions: Record<string, string>;
  events: string[];
}

/** Facts before anything was read: every read not made yet. */
export function unread(repo: string, local: LocalFacts): DoctorFacts {
  return {
    repo,
    local,
    app: null,
    hook: null,
    installation: null,
    deliveries: null,
    config: null,
    openIssues: null,
  };
}

export function failed(value: unknown): value is ReadFailure {
  return typeof value === "object" && value !== null && "failed" in value;
}
