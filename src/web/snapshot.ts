/**
 * The dashboard snapshot: everything the pages and `data.json` show, taken by the scheduled
 * refresh and kept in the store. Versioned: a change that breaks readers bumps `version`.
 */
import { z } from "zod";
import { DASHBOARD_SECTIONS } from "../features/dashboard/config.js";

export const SNAPSHOT_VERSION = 2;

const featureRef = z.object({
  repo: z.string().describe("`owner/name`"),
  number: z.number().int().positive(),
  title: z.string(),
  url: z.string(),
});

const featureSchema = featureRef.extend({
  state: z.enum(["open", "closed"]),
  /** The journey's id (`journeys`) when it is not the repository's own; its phase is that journey's. */
  journey: z.string().optional(),
  /** Phase id; null when neither a phase label nor the card says. */
  phase: z.string().nullable(),
  /** Null when there is none, or when the lead asked not to be named. */
  lead: z.string().nullable(),
  squadSize: z.number().int().min(0),
  /** 👍 on the issue plus people who said they are interested. */
  demand: z.number().int().min(0),
  thumbsUp: z.number().int().min(0),
  interested: z.number().int().min(0),
  labels: z.array(z.string()),
  /** When the feature entered its current phase, when the card knows. */
  since: z.string().nullable(),
  daysInPhase: z.number().int().nullable(),
  blocked: z.string().nullable().describe("the reason, empty when only the label says"),
  stalled: z.boolean(),
  overdue: z.boolean(),
  seekingMembers: z.boolean(),
  target: z.string().nullable(),
  links: z.record(z.string(), z.string()),
  history: z.array(z.object({ phase: z.string(), at: z.string() })),
  /** Earlier issues that may raise the same need ("raised before?"), as the card lists them. */
  related: z.array(featureRef.extend({ state: z.enum(["open", "closed"]) })),
  updatedAt: z.string(),
});
export type SnapshotFeature = z.infer<typeof featureSchema>;

const moveSchema = featureRef.extend({
  journey: z.string().optional(),
  from: z.string(),
  to: z.string(),
  at: z.string(),
});
export type SnapshotMove = z.infer<typeof moveSchema>;

const phaseSchema = z.object({ id: z.string(), name: z.string(), optional: z.boolean() });

const monthCount = z.object({ month: z.string().describe("`YYYY-MM`"), count: z.number().int() });

const dashboardSnapshotSchema = z.object({
  version: z.literal(SNAPSHOT_VERSION),
  title: z.string(),
  takenAt: z.string(),
  repos: z.array(z.string()),
  /** The pages shown, in order. */
  sections: z.array(z.enum(DASHBOARD_SECTIONS)).min(1),
  /** Whether the pages need the token or basic auth from the environment. */
  access: z.enum(["public", "token", "basic"]),
  phases: z.array(phaseSchema),
  /** The repository's other journeys (`journeys`), each with its own phases; empty when none. */
  journeys: z.array(z.object({ id: z.string(), name: z.string(), phases: z.array(phaseSchema) })),
  features: z.array(featureSchema),
  releasePhase: z.string(),
  releasedPerMonth: z.array(monthCount),
  recentMoves: z.array(moveSchema),
  digests: z.array(featureRef.extend({ at: z.string() })),
  community: z
    .object({
      stages: z.array(z.object({ stage: z.string(), count: z.number().int() })),
      newPerMonth: z.array(monthCount),
      /** Only people who did not opt out of being named. */
      thriving: z.array(z.object({ login: z.string(), reason: z.string() })),
      goodFirstIssues: z.array(featureRef),
    })
    .nullable(),
  /** What taking the snapshot cost. */
  reads: z.object({ requests: z.number().int(), cost: z.number() }),
});
export type DashboardSnapshot = z.infer<typeof dashboardSnapshotSchema>;

/** A stored snapshot, or null when it is from another version or damaged: refresh again. */
export function parseSnapshot(data: unknown): DashboardSnapshot | null {
  const result = dashboardSnapshotSchema.safeParse(data);
  return result.success ? result.data : null;
}

/** The JSON Schema of `data.json`, for other tools. */
export function snapshotJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(dashboardSnapshotSchema, { target: "draft-2020-12" });
}
