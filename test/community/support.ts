/** Builders shared by the community tests: configs from the preset snippets, deps and events. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import {
  type CommunityConfig,
  communityConfigSchema,
} from "../../src/features/community/config.js";
import type { SquadCandidate } from "../../src/features/community/opportunities.js";
import type { ContributionInput } from "../../src/features/community/payloads.js";
import type { CommunityDeps } from "../../src/features/community/run.js";
import type { ContributionKind } from "../../src/features/community/store.js";
import { templates } from "../support/templates.js";
import { FakeCommunityPort } from "./fake-port.js";
import { MemoryCommunityStore } from "./memory-store.js";

export const NOW = new Date("2026-03-01T12:00:00Z");
export const ORG = "medic";

/** The `community` section of a preset snippet, parsed as the root schema will parse it. */
export function presetConfig(name: "squad-journey" | "cht", overrides: object = {}) {
  const text = readFileSync(join(import.meta.dirname, "fixtures", `${name}.yml`), "utf8");
  const { community } = parse(text) as { community: Record<string, unknown> };
  return communityConfigSchema.parse(merge(community, overrides));
}

function merge(base: Record<string, unknown>, over: object): Record<string, unknown> {
  const out = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const before = out[key];
    out[key] =
      value &&
      typeof value === "object" &&
      !Array.isArray(value) &&
      before &&
      typeof before === "object"
        ? merge(before as Record<string, unknown>, value)
        : value;
  }
  return out;
}

export const PHASES = [
  { id: "inception", name: "Inception" },
  { id: "convergence", name: "Convergence" },
  { id: "building", name: "Building" },
];

export function makeDeps(
  options: {
    config?: CommunityConfig;
    port?: FakeCommunityPort;
    store?: MemoryCommunityStore;
    squads?: SquadCandidate[];
    now?: Date;
  } = {},
) {
  const store = options.store ?? new MemoryCommunityStore();
  const port = options.port ?? new FakeCommunityPort();
  const deps: CommunityDeps = {
    store,
    port,
    config: options.config ?? presetConfig("squad-journey"),
    phases: PHASES,
    squads: async () => options.squads ?? [],
    now: options.now ?? NOW,
    templates,
  };
  return { deps, store, port };
}

let serial = 0;

/** A contribution as `parseContribution` would give it; each call is a new GitHub object. */
export function contribution(
  kind: ContributionKind,
  login: string,
  options: { number?: number; association?: string; type?: string; at?: Date; id?: string } = {},
): ContributionInput {
  serial++;
  const number = options.number ?? serial;
  const at = options.at ?? NOW;
  return {
    event: {
      org: ORG,
      repo: "cht-core",
      login,
      kind,
      githubId: options.id ?? `node-${serial}`,
      at,
      url: `https://github.com/medic/cht-core/issues/${number}`,
    },
    author: { login, type: options.type ?? "User", association: options.association ?? "NONE" },
    target: { owner: ORG, repo: "cht-core", number },
    title: `Item ${number}`,
  };
}
