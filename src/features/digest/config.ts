/** The `digests` section of `.github/squad-bot.yml`: when digests run, what they cover, where they go. */
import { Cron } from "croner";
import { z } from "zod";

/** True when the runtime's time zone database knows `zone`, e.g. `Africa/Nairobi`. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

export function isCron(pattern: string): boolean {
  try {
    new Cron(pattern, { paused: true });
    return true;
  } catch {
    return false;
  }
}

const repoName = z
  .string()
  .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, "`owner/name`, e.g. `medic/cht-core`");

/** What both digests share: when they run and in which time zone their weeks and months start. */
const scheduleFields = (cron: string) => ({
  enabled: z.boolean().default(true),
  /** Five-field cron read in `timezone`, e.g. `0 9 * * 1` for Mondays at 09:00. */
  cron: z.string().refine(isCron, "a cron expression such as `0 9 * * 1`").default(cron),
  /** IANA zone that decides where a week or month starts and ends. */
  timezone: z
    .string()
    .refine(isTimeZone, "an IANA time zone such as `Africa/Nairobi` or `UTC`")
    .default("UTC"),
  /** Repositories read for an org-wide digest; empty means the repository the config belongs to. */
  repos: z.array(repoName).default([]),
});

const weeklyDigestSchema = z.strictObject({
  ...scheduleFields("0 9 * * 1"),
  /** A feature in the `stalledPhase` with no issue activity for this many days is stalled. */
  stalledDays: z.number().int().min(1).max(365).default(14),
  stalledPhase: z.string().default("building"),
  /** A feature this many days into `releasePhase` is due for its Measure review. */
  measureAfterDays: z.number().int().min(1).max(730).default(30),
  releasePhase: z.string().default("release"),
  /** Squads before `releasePhase` with a lead and fewer members than this are seeking members. */
  seekingMembersBelow: z.number().int().min(1).max(50).default(3),
  /** Mention (notify) each squad's lead instead of naming them with a profile link. */
  mentionLeads: z.boolean().default(false),
  /** Items listed per section before "and N more". */
  listLimit: z.number().int().min(1).max(100).default(15),
});

const communityLink = z.strictObject({
  title: z.string().min(1).max(100),
  url: z.url({ protocol: /^https?$/ }),
});

const monthlyDigestSchema = z.strictObject({
  ...scheduleFields("0 9 1 * *"),
  /** Links printed under "Get involved", e.g. the forum and the first-time contributor guide. */
  links: z.array(communityLink).default([]),
  /** Markdown closing the digest; mentions in it are defused. Defaults to a generic invitation. */
  callToAction: z.string().max(2000).optional(),
  listLimit: z.number().int().min(1).max(100).default(15),
});

export const digestsConfigSchema = z
  .strictObject({
    /**
     * `issue` (default): one labelled issue per digest, the previous one closed. `discussion`: one
     * discussion in `discussionCategory`, the previous one closed as outdated. `pinned-comment`:
     * one comment on a pinned issue, the previous one minimized as outdated.
     */
    delivery: z.enum(["issue", "discussion", "pinned-comment"]).default("issue"),
    /** Name of the discussion category digests are posted in; required for `discussion`. */
    discussionCategory: z.string().min(1).max(100).optional(),
    /**
     * The issue digests are commented on for `pinned-comment`; by default the first pinned issue
     * that carries `label`. A maintainer pins it: the bot neither creates nor pins one.
     */
    pinnedIssue: z.number().int().min(1).optional(),
    /** Label of digest issues (and of the pinned issue); the bot finds its earlier digests by it. */
    label: z.string().min(1).max(50).default("squad-bot: digest"),
    /** Where an org-wide digest is posted; defaults to the repository whose config it is. */
    postTo: repoName.optional(),
    weekly: weeklyDigestSchema.prefault({}),
    monthly: monthlyDigestSchema.prefault({}),
  })
  .refine((d) => d.delivery !== "discussion" || d.discussionCategory !== undefined, {
    message: "`delivery: discussion` needs `discussionCategory`, the name of a discussion category",
    path: ["discussionCategory"],
  });

export type DigestsConfig = z.output<typeof digestsConfigSchema>;
export type WeeklyDigestConfig = DigestsConfig["weekly"];
export type MonthlyDigestConfig = DigestsConfig["monthly"];
export type DigestKind = "weekly" | "monthly";

/**
 * The digest settings of a loaded config. The root schema validates `digests` once the section
 * is registered there; until then (or when absent) this parses whatever is present, so defaults
 * are filled the same way.
 */
export function digestSettings(config: object): DigestsConfig {
  const section = "digests" in config ? config.digests : undefined;
  return digestsConfigSchema.parse(section ?? {});
}
