/** The `community` section of `.github/squad-bot.yml`: welcomes, journey stages, milestones, early access. */
import { z } from "zod";
import { COMMUNITY_STAGES } from "../../store/types.js";

const url = z
  .url({ protocol: /^https?$/ })
  .nullable()
  .default(null);
const repoName = z
  .string()
  .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, "`owner/name`, e.g. `medic/cht-core`");

const welcomeSchema = z.strictObject({
  /** Welcome a person's first issue in the organization. */
  firstIssue: z.boolean().default(true),
  /** Welcome a person's first pull request (off where another bot already checks new PRs). */
  firstPullRequest: z.boolean().default(true),
  /** Congratulate a person's first merged pull request. */
  firstMerge: z.boolean().default(true),
  /** Say that newcomers should ask to be assigned on an issue before opening a pull request. */
  askToBeAssigned: z.boolean().default(false),
  /** Links in welcomes; a missing one is left out (the guide falls back to the repo's /contribute page). */
  links: z
    .strictObject({
      guide: url,
      forum: url,
      demo: url,
      onboarding: url,
      aiGuidelines: url,
    })
    .prefault({}),
  goodFirstIssues: z
    .strictObject({
      label: z.string().min(1).max(50).default("good first issue"),
      /** How many open, unassigned ones a welcome lists; 0 turns the list (and its request) off. */
      limit: z.number().int().min(0).max(10).default(3),
      /** Where to look; empty means every repository of the organization. */
      repos: z.array(repoName).default([]),
    })
    .prefault({}),
  squads: z
    .strictObject({
      /** Squads in this many first phases are still forming. */
      firstPhases: z.number().int().min(1).max(10).default(2),
      /** A forming squad with fewer members than this is listed as seeking members. */
      membersBelow: z.number().int().min(1).max(50).default(3),
      /** How many a welcome lists; 0 turns the list off. */
      limit: z.number().int().min(0).max(10).default(3),
    })
    .prefault({}),
});

/** Reached when, within `days` before now, the person made all of these. */
const thresholdSchema = z.strictObject({
  days: z.number().int().min(1).max(3650),
  /** Issues, pull requests, merges, reviews and comments together. */
  contributions: z.number().int().min(0),
  prsMerged: z.number().int().min(0).default(0),
  reviews: z.number().int().min(0).default(0),
});
export type StageThreshold = z.output<typeof thresholdSchema>;

const threshold = (days: number, contributions: number, extra: object = {}) =>
  thresholdSchema.prefault({ days, contributions, ...extra });

const stagesSchema = z
  .strictObject({
    onboarding: threshold(90, 2),
    engagement: threshold(90, 3),
    sustainedEngagement: threshold(180, 10, { prsMerged: 2 }),
    thriving: threshold(365, 25, { prsMerged: 5, reviews: 3 }),
    /** Let a stage fall back when activity lapses; off, a stage is the highest ever reached. */
    demote: z.boolean().default(false),
  })
  .superRefine((stages, ctx) => {
    const order = ["onboarding", "engagement", "sustainedEngagement", "thriving"] as const;
    order.slice(1).forEach((name, index) => {
      const before = order[index] as (typeof order)[number];
      if (stages[name].contributions < stages[before].contributions) {
        ctx.addIssue({
          code: "custom",
          path: [name, "contributions"],
          message: `a later stage needs at least as many contributions as \`${before}\` (${stages[before].contributions})`,
        });
      }
    });
  });

const milestoneSchema = z.strictObject({
  /** Stable id, kept by the store and in the comment's once-key, e.g. `merged-10`. */
  name: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "lower-case letters, digits and dashes"),
  kind: z.enum(["issue-opened", "pr-opened", "pr-merged", "review"]),
  count: z.number().int().min(1),
});
export type Milestone = z.output<typeof milestoneSchema>;

export const DEFAULT_MILESTONES: Milestone[] = [
  { name: "merged-1", kind: "pr-merged", count: 1 },
  { name: "merged-5", kind: "pr-merged", count: 5 },
  { name: "merged-10", kind: "pr-merged", count: 10 },
  { name: "merged-25", kind: "pr-merged", count: 25 },
  { name: "review-1", kind: "review", count: 1 },
];

export const communityConfigSchema = z.strictObject({
  /** On by default where the app has a contributor store; `false` turns the whole journey off. */
  enabled: z.boolean().default(true),
  welcome: welcomeSchema.prefault({}),
  stages: stagesSchema.prefault({}),
  milestones: z
    .array(milestoneSchema)
    .default(DEFAULT_MILESTONES)
    .superRefine((list, ctx) => {
      const seen = new Set<string>();
      list.forEach((milestone, index) => {
        if (seen.has(milestone.name)) {
          ctx.addIssue({
            code: "custom",
            path: [index, "name"],
            message: `milestone \`${milestone.name}\` is listed twice`,
          });
        }
        seen.add(milestone.name);
      });
    }),
  /**
   * One comment suggesting the next step (a squad that seeks members, a governance role) when a
   * person reaches one of these stages: at most once per stage, never to someone who said /quiet.
   */
  nextStep: z
    .strictObject({
      enabled: z.boolean().default(false),
      stages: z.array(z.enum(COMMUNITY_STAGES)).default(["sustained-engagement", "thriving"]),
    })
    .prefault({}),
  earlyAccess: z
    .strictObject({
      /** Tell squad followers when a release ships their feature. */
      enabled: z.boolean().default(true),
      /** A comment that mentions dozens of people reads as spam; larger groups get several comments. */
      maxMentionsPerComment: z.number().int().min(1).max(50).default(25),
    })
    .prefault({}),
});

export type CommunityConfig = z.output<typeof communityConfigSchema>;
export type WelcomeConfig = CommunityConfig["welcome"];
export type StagesConfig = CommunityConfig["stages"];

/**
 * The community settings of a loaded config. Until the root schema registers `community`, this
 * parses whatever is present so defaults are filled the same way (as `digestSettings` does).
 */
export function communitySettings(config: object): CommunityConfig {
  const section = "community" in config ? config.community : undefined;
  return communityConfigSchema.parse(section ?? {});
}
