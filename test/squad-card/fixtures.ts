/** Shared test data for the squad card: a squad-journey config written inline and state builders. */
import {
  type Config,
  type ConfigInput,
  configSchema,
  type PhaseInput,
  resolveConfig,
} from "../../src/config/schema.js";
import {
  type FeatureState,
  type HistoryEntry,
  newFeatureState,
} from "../../src/features/squad/state.js";

const JOURNEY_PHASES: PhaseInput[] = [
  {
    id: "inception",
    name: "Inception",
    description: "Find out whether the community needs this.",
    activities: ["Feedback collection", "Identify common needs within the community"],
  },
  {
    id: "convergence",
    name: "Convergence",
    activities: ["Draft a scope of work", "Assign roles", "Define the timelines"],
    entry: [{ type: "lead" }],
  },
  {
    id: "building",
    name: "Building",
    activities: ["Weekly dev sprints; progress tracking", "Active communication about blockers"],
    entry: [{ type: "lead" }, { type: "link", kind: "scope" }, { type: "members", min: 2 }],
  },
  {
    id: "testing",
    name: "Testing",
    activities: ["QA/UAT; verify against criteria"],
    entry: [{ type: "checklist", heading: "Acceptance criteria" }],
  },
  { id: "release", name: "Release", entry: [{ type: "target" }, { type: "members", min: 3 }] },
  { id: "measure", name: "Measure", activities: ["Monitor impact and usage"] },
  { id: "sunset", name: "Sunset", optional: true, entry: [{ type: "reason" }] },
];

export function makeConfig(overrides: Partial<ConfigInput> = {}): Config {
  return resolveConfig(configSchema.parse({ phases: JOURNEY_PHASES, ...overrides }));
}

export function entry(phase: string, at: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  return { phase, at, by: "amina", via: "command", ...extra };
}

export function makeState(overrides: Partial<FeatureState> = {}): FeatureState {
  const history = overrides.history ?? [entry("inception", "2026-01-05T09:00:00Z")];
  const last = history[history.length - 1];
  const base = newFeatureState(last?.phase ?? "inception", last?.at ?? "", "amina", "command");
  return { ...base, history, ...overrides };
}
