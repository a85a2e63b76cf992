/**
 * The forum's webhook route, mounted beside GitHub's when the forum bridge is on. No feature acts
 * on forum events yet: a verified delivery is logged, so a maintainer setting up Discourse's
 * webhook can see that it arrives and is trusted.
 */
import type { Log } from "../core/log.js";
import { forumEnv } from "../forum/env.js";
import { forumWebhookHandler } from "../forum/webhook.js";

type Route = ReturnType<typeof forumWebhookHandler>;

export function bridgeRoutes(env: NodeJS.ProcessEnv, log: Log): Route[] {
  const forum = forumEnv(env);
  if (!forum.ok) return [];
  return [
    forumWebhookHandler({
      secret: forum.forum.webhookSecret,
      botUsername: forum.forum.credentials.apiUsername,
      log,
      onDelivery: ({ id, event, hints }) => {
        log.info({ delivery: id, event, hints: hints.length }, "forum event verified");
      },
    }),
  ];
}
