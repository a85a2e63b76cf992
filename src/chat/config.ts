/**
 * The `chat` config section: which Slack channel serves which use. A squad's own channel is
 * linked on its issue (`/link slack #channel`), not here; the token is never here (SLACK_BOT_TOKEN).
 */
import { z } from "zod";
import { CHANNEL_PATTERN } from "./channel.js";

const channel = z
  .string()
  .regex(CHANNEL_PATTERN, "a channel name such as `#squads` or a channel id such as `C0123ABCD`");

export const chatConfigSchema = z.strictObject({
  channels: z
    .strictObject({
      /** Where the weekly and monthly digests are posted. */
      digests: channel.optional(),
      /** Where release announcements are posted. */
      announcements: channel.optional(),
    })
    .prefault({}),
});
