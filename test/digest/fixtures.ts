/** A world of feature requests at known instants, for digest tests and the benchmark. */
import { loadConfig } from "../../src/config/load.js";
import type { Config } from "../../src/config/schema.js";
import { encodeMarker } from "../../src/core/markers.js";
import { type DigestsConfig, digestsConfigSchema } from "../../src/features/digest/config.js";
import { CARD_MARKER, type FeatureState } from "../../src/features/squad/state.js";
import type { IssueRef, RepoRef } from "../../src/github/types.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import { createWorld, manualClock, type World } from "../double/index.js";
import { templates } from "../support/templates.js";

/** A Monday morning: the reported period is 2026-W48 (23–29 November) in UTC. */
export const MONDAY = "2026-11-30T07:00:00Z";

export interface FeatureSeed {
  title: string;
  /** Phase history as `[phase id, ISO instant, by]`; the last one is the current phase. */
  history: [string, string, string][];
  author?: string;
  lead?: string | null;
  members?: string[];
  interested?: string[];
  blocked?: string;
  thumbsUp?: number;
  /** Last activity (a comment by the author); defaults to the last history entry. */
  activeAt?: string;
  closedAt?: string;
  /** Comments by people before the card, e.g. when a request was recognised late. */
  commentsBefore?: number;
  /** No card at all: recognised by label only. */
  noCard?: boolean;
  repo?: RepoRef;
}

export interface DigestWorld {
  world: World;
  clock: ReturnType<typeof manualClock>;
  source: MemoryDigestSource;
  config: Config;
  digests: DigestsConfig;
  seed(feature: FeatureSeed): IssueRef;
}

const PHASE_LABELS: Record<string, string> = {
  inception: "phase: inception",
  convergence: "phase: convergence",
  building: "phase: building",
  testing: "phase: testing",
  release: "phase: release",
  measure: "phase: measure",
  sunset: "phase: sunset",
};

export function cardState(seed: FeatureSeed): FeatureState {
  return {
    v: 1,
    phase: seed.history.at(-1)?.[0] ?? "inception",
    history: seed.history.map(([phase, at, by], index) => ({
      phase,
      at,
      by,
      via: index === 0 ? "recognition" : "label",
    })),
    lead: seed.lead ?? null,
    members: seed.members ?? [],
    interested: seed.interested ?? [],
    links: {},
    target: null,
    blocked: seed.blocked
      ? { reason: seed.blocked, by: "mia-maintainer", at: seed.history[0]?.[1] ?? MONDAY }
      : null,
    labelRemovedBy: null,
    handled: [],
  };
}

export async function digestWorld(
  options: { repos?: string[]; digests?: object; config?: string } = {},
): Promise<DigestWorld> {
  const clock = manualClock("2026-06-01T09:00:00Z");
  const world = createWorld({
    config: options.config ?? "",
    now: clock.now,
    ...(options.repos ? { repos: options.repos } : {}),
  });
  const loaded = await loadConfig(world.github, world.repo, templates);
  if (loaded.ok !== true) throw new Error("the test config does not load");
  world.github.resetRequests();
  const { github } = world;
  const seed = (feature: FeatureSeed): IssueRef => {
    const first = feature.history[0];
    if (!first) throw new Error("a feature needs a history");
    const repo = feature.repo ?? world.repo;
    const phase = feature.history.at(-1)?.[0] ?? "inception";
    clock.set(first[1]);
    const labels = [PHASE_LABELS[phase] ?? `phase: ${phase}`];
    if (feature.blocked) labels.push("blocked");
    const opened = github
      .as(feature.author ?? "uma-user")
      .openIssue(repo, { title: feature.title, labels });
    for (let i = 0; i < (feature.commentsBefore ?? 0); i += 1) {
      github.as("wes-writer").comment(opened.ref, `Comment ${i + 1}`);
    }
    if (!feature.noCard) {
      const issueId = github.issue(opened.ref)?.id ?? "";
      const body = `### Squad card\n\n${encodeMarker(CARD_MARKER, cardState(feature))}`;
      void github.mutate([{ op: "addComment", subjectId: issueId, body }]);
    }
    for (let i = 0; i < (feature.thumbsUp ?? 0); i += 1) {
      github.as(`fan-${i}`).react(opened.ref, "+1");
    }
    clock.set(feature.activeAt ?? feature.history.at(-1)?.[1] ?? first[1]);
    github.as(feature.author ?? "uma-user").comment(opened.ref, "Any news?");
    if (feature.closedAt) {
      clock.set(feature.closedAt);
      github.as("mia-maintainer").close(opened.ref);
    }
    github.drainAppEvents();
    return opened.ref;
  };
  clock.set(MONDAY);
  const digests = digestsConfigSchema.parse(options.digests ?? {});
  return {
    world,
    clock,
    source: new MemoryDigestSource(github),
    config: loaded.config,
    digests,
    seed,
  };
}

/** A realistic week of a community: every digest section has something in it. */
export function seedRealisticWeek(d: DigestWorld): void {
  const mia = "mia-maintainer";
  d.seed({
    title: "Offline sync status indicator",
    history: [
      ["inception", "2026-08-03T10:00:00Z", "squad-bot[bot]"],
      ["convergence", "2026-09-14T08:00:00Z", mia],
      ["building", "2026-11-24T09:30:00Z", mia],
    ],
    lead: "amara-dev",
    members: ["kofi-qa", "lena-ux", "ravi-dev"],
    interested: ["health-ngo"],
    thumbsUp: 14,
  });
  d.seed({
    title: "Bulk SMS reminders for CHWs",
    history: [
      ["inception", "2026-07-01T10:00:00Z", "squad-bot[bot]"],
      ["convergence", "2026-08-01T08:00:00Z", mia],
      ["building", "2026-09-01T08:00:00Z", mia],
    ],
    lead: "joseph-k",
    members: ["ana-b"],
    thumbsUp: 6,
    activeAt: "2026-10-20T12:00:00Z",
  });
  d.seed({
    title: "Household visit map",
    history: [
      ["inception", "2026-10-01T10:00:00Z", "squad-bot[bot]"],
      ["convergence", "2026-10-20T08:00:00Z", mia],
    ],
    lead: "lena-ux",
    members: [],
    interested: ["amara-dev", "ravi-dev"],
    blocked: "Waiting for the map tile licence",
    thumbsUp: 9,
  });
  d.seed({
    title: "Release: Multi-language forms",
    history: [
      ["inception", "2026-05-02T10:00:00Z", "squad-bot[bot]"],
      ["building", "2026-07-01T08:00:00Z", mia],
      ["testing", "2026-10-05T08:00:00Z", mia],
      ["release", "2026-11-26T15:00:00Z", mia],
    ],
    lead: "ravi-dev",
    members: ["kofi-qa", "ana-b", "joseph-k"],
    thumbsUp: 21,
  });
  d.seed({
    title: "Dark mode",
    history: [
      ["inception", "2026-04-01T10:00:00Z", "squad-bot[bot]"],
      ["building", "2026-06-01T08:00:00Z", mia],
      ["release", "2026-09-15T08:00:00Z", mia],
    ],
    lead: "kofi-qa",
    members: ["ana-b", "ravi-dev", "lena-ux"],
    thumbsUp: 30,
  });
  d.seed({
    title: "Export reports to CSV",
    history: [["inception", "2026-11-25T11:00:00Z", "squad-bot[bot]"]],
    thumbsUp: 3,
    interested: ["health-ngo"],
  });
  d.seed({
    title: "Two-factor login for supervisors",
    history: [["inception", "2026-11-27T16:20:00Z", "squad-bot[bot]"]],
    thumbsUp: 7,
  });
  d.seed({
    title: "Legacy SMS gateway",
    history: [
      ["inception", "2026-03-01T10:00:00Z", "squad-bot[bot]"],
      ["sunset", "2026-11-23T09:00:00Z", mia],
    ],
    closedAt: "2026-11-23T09:05:00Z",
  });
  d.seed({
    title: "Old closed request",
    history: [["inception", "2026-01-05T10:00:00Z", "squad-bot[bot]"]],
    closedAt: "2026-02-01T10:00:00Z",
  });
}
