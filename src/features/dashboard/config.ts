/** The `dashboard` section of `.github/squad-bot.yml`: what the community dashboard shows and how often it refreshes. */
import { z } from "zod";
import { isCron } from "../digest/config.js";

export const DASHBOARD_SECTIONS = [
  "squads",
  "demand",
  "community",
  "opportunities",
  "history",
] as const;
export type DashboardSection = (typeof DASHBOARD_SECTIONS)[number];

const repoName = z
  .string()
  .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, "`owner/name`, e.g. `medic/cht-core`");

export const dashboardConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  title: z.string().min(1).max(100).default("Squad dashboard"),
  /** Repositories shown; empty means the repository the config belongs to. */
  repos: z.array(repoName).default([]),
  /** Which pages are shown, in this order. */
  sections: z
    .array(z.enum(DASHBOARD_SECTIONS))
    .min(1)
    .default([...DASHBOARD_SECTIONS]),
  /** How often the snapshot is taken again (UTC); every 30 minutes by default. */
  cron: z
    .string()
    .refine(isCron, "a cron expression such as `*/30 * * * *`")
    .default("*/30 * * * *"),
  /** Private repositories are left out unless this says otherwise: the page may be public. */
  includePrivate: z.boolean().default(false),
  /**
   * `public`, or `token` (DASHBOARD_TOKEN as `?token=` or a bearer header) or `basic`
   * (DASHBOARD_USER and DASHBOARD_PASSWORD) for private installs; secrets come from the environment.
   */
  access: z.enum(["public", "token", "basic"]).default("public"),
  /** A squad in `stalledPhase` with no activity for this many days is stalled. */
  stalledDays: z.number().int().min(1).max(365).default(14),
  stalledPhase: z.string().default("building"),
  /** The phase whose entries count as releases. */
  releasePhase: z.string().default("release"),
  /** Squads before the release with a lead and fewer members than this are seeking members. */
  seekingMembersBelow: z.number().int().min(1).max(50).default(3),
  /** Closed features are read back this many days, for the releases per month. */
  historyDays: z.number().int().min(7).max(1095).default(365),
});
export type DashboardConfig = z.output<typeof dashboardConfigSchema>;
