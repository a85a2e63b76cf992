/** A small dashboard snapshot, and a big one, for the web's tests and the render benchmark. */
import {
  type DashboardSnapshot,
  SNAPSHOT_VERSION,
  type SnapshotFeature,
} from "../../src/web/snapshot.js";

const PHASES = [
  { id: "inception", name: "Inception", optional: false },
  { id: "convergence", name: "Convergence", optional: false },
  { id: "building", name: "Building", optional: false },
  { id: "testing", name: "Testing", optional: false },
  { id: "release", name: "Release", optional: false },
];

export function feature(overrides: Partial<SnapshotFeature> = {}): SnapshotFeature {
  const number = overrides.number ?? 1;
  return {
    repo: "acme/widgets",
    number,
    title: `Feature ${number}`,
    url: `https://github.com/acme/widgets/issues/${number}`,
    state: "open",
    phase: "building",
    lead: "lena",
    squadSize: 2,
    demand: 3,
    thumbsUp: 2,
    interested: 1,
    labels: ["phase: building"],
    since: "2026-10-01T10:00:00Z",
    daysInPhase: 60,
    blocked: null,
    stalled: false,
    overdue: false,
    seekingMembers: false,
    target: null,
    links: {},
    history: [
      { phase: "inception", at: "2026-09-01T10:00:00Z" },
      { phase: "building", at: "2026-10-01T10:00:00Z" },
    ],
    related: [],
    updatedAt: "2026-11-01T10:00:00Z",
    ...overrides,
  };
}

export function snapshot(
  features: SnapshotFeature[],
  overrides: Partial<DashboardSnapshot> = {},
): DashboardSnapshot {
  return {
    version: SNAPSHOT_VERSION,
    title: "Acme squads",
    takenAt: "2026-11-30T07:00:00.000Z",
    repos: ["acme/widgets", "acme/gadgets"],
    sections: ["squads", "demand", "community", "opportunities", "history"],
    access: "public",
    phases: PHASES,
    journeys: [],
    features,
    releasePhase: "release",
    releasedPerMonth: [
      { month: "2026-10", count: 2 },
      { month: "2026-11", count: 1 },
    ],
    recentMoves: [
      {
        repo: "acme/widgets",
        number: 1,
        title: "Feature 1",
        url: "https://github.com/acme/widgets/issues/1",
        from: "inception",
        to: "building",
        at: "2026-10-01T10:00:00Z",
      },
    ],
    digests: [
      {
        repo: "acme/widgets",
        number: 90,
        title: "Squad digest 2026-W48",
        url: "https://github.com/acme/widgets/issues/90",
        at: "2026-11-30T09:00:00Z",
      },
    ],
    community: {
      stages: [
        { stage: "initial-interaction", count: 12 },
        { stage: "onboarding", count: 5 },
        { stage: "engagement", count: 3 },
        { stage: "sustained-engagement", count: 2 },
        { stage: "thriving", count: 1 },
      ],
      newPerMonth: [
        { month: "2026-10", count: 4 },
        { month: "2026-11", count: 6 },
      ],
      thriving: [{ login: "tess", reason: "active 4 months in 3 repositories" }],
      goodFirstIssues: [
        {
          repo: "acme/widgets",
          number: 7,
          title: "Fix a typo",
          url: "https://github.com/acme/widgets/issues/7",
        },
      ],
    },
    reads: { requests: 3, cost: 3 },
    ...overrides,
  };
}

/** `size` features spread over the phases, for the render benchmark. */
export function bigSnapshot(size: number): DashboardSnapshot {
  return snapshot(
    Array.from({ length: size }, (_, i) =>
      feature({
        number: i + 1,
        title: `Feature request number ${i + 1} with a realistic title length`,
        phase: PHASES[i % PHASES.length]?.id ?? "inception",
        demand: (i * 7) % 31,
        daysInPhase: i % 200,
        seekingMembers: i % 9 === 0,
        blocked: i % 23 === 0 ? "waiting on design" : null,
      }),
    ),
  );
}
