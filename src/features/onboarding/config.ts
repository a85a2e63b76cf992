/** The `onboarding` section of `.github/squad-bot.yml`: how the backlog is adopted once asked for. */
import { z } from "zod";
import { isCron, isTimeZone } from "../digest/config.js";

export const onboardingConfigSchema = z.strictObject({
  adopt: z
    .strictObject({
      /** The onboarding issue's backlog box adopts open feature requests updated in this many days. */
      updatedWithinDays: z.number().int().min(1).max(3650).default(90),
      /**
       * Cards posted per adoption run, at most: the server runs one every `cron`, and
       * `squad-bot adopt` posts this many a minute. Each adopted issue gets its card and nothing else.
       */
      perRun: z.number().int().min(1).max(100).default(10),
      /** When the server continues an adoption; every 15 minutes by default. */
      cron: z
        .string()
        .refine(isCron, "a cron expression such as `*/15 * * * *`")
        .default("*/15 * * * *"),
      timezone: z
        .string()
        .refine(isTimeZone, "an IANA time zone such as `Africa/Nairobi` or `UTC`")
        .default("UTC"),
    })
    .prefault({}),
});
