/** The `sweep` section of `.github/squad-bot.yml`: when the server's repair sweep runs, and its budget. */
import { z } from "zod";
import { isCron, isTimeZone } from "../digest/config.js";

export const sweepConfigSchema = z.strictObject({
  enabled: z.boolean().default(true),
  /** Five-field cron read in `timezone`; every 6 hours by default. */
  cron: z.string().refine(isCron, "a cron expression such as `0 */6 * * *`").default("0 */6 * * *"),
  timezone: z
    .string()
    .refine(isTimeZone, "an IANA time zone such as `Africa/Nairobi` or `UTC`")
    .default("UTC"),
  /** At most this many issues reconciled in one run; the next run continues. */
  maxRepairs: z.number().int().min(1).max(1000).default(50),
  /** Stop when fewer GraphQL points than this are left in the installation's hour. */
  minRemaining: z.number().int().min(0).max(12_500).default(1000),
  /**
   * Open issues updated in this many days are listed too, labelled or not, so a request known by
   * its template body alone whose `opened` webhook was lost still gets its card.
   */
  lookbackDays: z.number().int().min(1).max(90).default(7),
});

export type SweepConfig = z.output<typeof sweepConfigSchema>;

/** The sweep settings of a loaded config, or null when `sweep: null` or `enabled: false`. */
export function sweepSettings(config: { sweep?: SweepConfig | null }): SweepConfig | null {
  const settings = config.sweep === undefined ? sweepConfigSchema.parse({}) : config.sweep;
  return settings?.enabled ? settings : null;
}
