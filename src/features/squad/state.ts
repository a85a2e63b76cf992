/** The squad state of one feature request, kept in the hidden marker of its card. */
import { z } from "zod";
import { LINK_KINDS } from "../../config/schema.js";

export const CARD_MARKER = "card";

const historyEntrySchema = z.object({
  phase: z.string(),
  at: z.string(),
  by: z.string(),
  via: z.enum(["recognition", "label", "command", "project", "release", "sweep"]),
  note: z.string().optional(),
  forced: z.boolean().optional(),
  /** The cycle this entry belongs to, from the second on (journeys with a `cycle` setting). */
  cycle: z.number().int().min(2).optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

/** Another issue, as `owner/repo` and number: what links between features are made of. */
const issueLinkSchema = z.object({ repo: z.string(), number: z.number().int().positive() });
export type IssueLink = z.infer<typeof issueLinkSchema>;

const ROADMAP_EVENTS = ["added", "archived", "restored", "removed"] as const;
export type RoadmapEvent = (typeof ROADMAP_EVENTS)[number];

const featureStateSchema = z.object({
  v: z.literal(1),
  phase: z.string(),
  history: z.array(historyEntrySchema).min(1),
  lead: z.string().nullable().default(null),
  members: z.array(z.string()).default([]),
  interested: z.array(z.string()).default([]),
  links: z.partialRecord(z.enum(LINK_KINDS), z.string()).default({}),
  target: z.string().nullable().default(null),
  blocked: z
    .object({ reason: z.string(), by: z.string(), at: z.string() })
    .nullable()
    .default(null),
  /** Set when a person removed the current phase label: the bot then does not put it back. */
  labelRemovedBy: z.string().nullable().default(null),
  /**
   * The last thing a person did to the issue's item on the roadmap board, shown on the card.
   * Absent rather than null, so cards of repositories without a roadmap keep their exact text.
   */
  roadmap: z.object({ event: z.enum(ROADMAP_EVENTS), by: z.string(), at: z.string() }).optional(),
  /** Commands already applied, as `<commentId>:<hash>`, so a redelivered comment changes nothing. */
  handled: z.array(z.string()).default([]),
  /** Earlier issues that may raise the same need, found once when the request arrived. */
  related: z
    .array(
      z.object({
        repo: z.string(),
        number: z.number(),
        title: z.string(),
        state: z.enum(["open", "closed"]),
        labels: z.array(z.string()),
        /** GitHub's state_reason: completed, not_planned, duplicate. */
        stateReason: z.string().optional(),
        /** Why it was listed: the shared title words, or none for "similar meaning". */
        why: z.array(z.string()).optional(),
      }),
    )
    .optional(),
  /**
   * Set by `/duplicate`: the issue this one was closed as a duplicate of, with its node id when
   * known, which the close sends so GitHub itself marks the duplicate.
   */
  duplicateOf: issueLinkSchema.extend({ nodeId: z.string().optional() }).optional(),
  /** Issues (`owner/repo#N`) whose people this feature took in once: a redelivery adds nobody twice. */
  adopted: z.array(z.string()).optional(),
  /** On a request: the squad issue `/squad propose` opened for it, with that issue's phase name. */
  squad: issueLinkSchema.extend({ phase: z.string().optional() }).optional(),
  /**
   * The notice planned for the latest move (`transition:<history length>`) and whom it tells:
   * a retry of a lost notice names the people who followed at the move, no one newer.
   */
  notice: z
    .object({
      key: z.string(),
      recipients: z.array(z.string()),
      release: z.object({ name: z.string(), url: z.string() }).optional(),
    })
    .optional(),
  /** Role id → the people who took it with `/role` (journeys with `roles`). */
  roles: z.record(z.string(), z.array(z.string())).optional(),
  /** The journey the feature follows when it is not the repository's own (`journeys`). */
  journey: z.string().optional(),
  /** The cycle the feature is in, from the second on; absent is the first. */
  cycle: z.number().int().min(2).optional(),
  /** On a squad issue: the requests it was proposed from, whose cards follow its phase. */
  requests: z.array(issueLinkSchema).optional(),
});
export type FeatureState = z.infer<typeof featureStateSchema>;

/** How many handled-command keys a card remembers; older deliveries cannot be redelivered anyway. */
export const HANDLED_LIMIT = 200;

export function parseFeatureState(data: unknown): FeatureState | null {
  const result = featureStateSchema.safeParse(data);
  return result.success ? result.data : null;
}

export function newFeatureState(
  phase: string,
  at: string,
  by: string,
  via: HistoryEntry["via"],
): FeatureState {
  return {
    v: 1,
    phase,
    history: [{ phase, at, by, via }],
    lead: null,
    members: [],
    interested: [],
    links: {},
    target: null,
    blocked: null,
    labelRemovedBy: null,
    handled: [],
  };
}
