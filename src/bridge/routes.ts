/**
 * The forum's webhook route, mounted beside GitHub's when the forum bridge is on. A verified
 * delivery is handed to `record` (the durable inbox, `forum-work.ts`); without it (no inbox, or
 * no repository tied to the forum) it is only logged, so a maintainer setting up Discourse's
 * webhook can still see that it arrives and is trusted.
 */
import type { Log } from "../core/log.js";
import { forumEnv } from "../forum/env.js";
import { type ForumDelivery, forumWebhookHandler } from "../forum/webhook.js";

type Route = ReturnType<typeof forumWebhookHandler>;

export function bridgeRoutes(
  env: NodeJS.ProcessEnv,
  log: Log,
  record?: (delivery: ForumDelivery) => Promise<void>,
): Route[] {
  const forum = forumEnv(env);
  if (!forum.ok) return [];
  return [
    forumWebhookHandler({
      secret: forum.forum.webhookSecret,
      botUsername: forum.forum.credentials.apiUsername,
      log,
      onDelivery: async (delivery) => {
        const { id, event, hints } = delivery;
        log.info({ delivery: id, event, hints: hints.length }, "forum event verified");
        await record?.(delivery);
      },
    }),
  ];
}
