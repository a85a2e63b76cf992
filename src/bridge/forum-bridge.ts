/** The forum bridge features use, made per event from the environment; undefined while it is off. */
import type { ForumBridge } from "../features/feature.js";
import { DiscourseForum } from "../forum/discourse-forum.js";
import { forumEnv } from "../forum/env.js";

export function forumBridgeFromEnv(
  env: NodeJS.ProcessEnv,
  onRequest?: (kind: string) => void,
): (() => ForumBridge) | undefined {
  const result = forumEnv(env);
  if (!result.ok) return undefined;
  const { url, credentials } = result.forum;
  return () => ({
    // One adapter per event: its request counter is that event's.
    port: new DiscourseForum({ baseUrl: url, credentials, ...(onRequest ? { onRequest } : {}) }),
    url,
    username: credentials.apiUsername,
  });
}
