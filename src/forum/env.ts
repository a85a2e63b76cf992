/**
 * The forum's credentials, from the environment only: the forum the key belongs to
 * (DISCOURSE_URL), the key and its user, and the webhook secret. The key is sent to that forum
 * and nowhere else, whatever a repository's config names.
 */
import type { DiscourseCredentials } from "./discourse-client.js";

export const FORUM_ENV = ["DISCOURSE_URL", "DISCOURSE_API_KEY", "DISCOURSE_API_USERNAME"] as const;

export interface ForumEnv {
  /** The forum's origin and path, without a trailing slash. */
  url: string;
  credentials: DiscourseCredentials;
  /** Null: the webhook route refuses every delivery. */
  webhookSecret: string | null;
}

export type ForumEnvResult =
  | { ok: true; forum: ForumEnv }
  | { ok: false; missing: string[]; badUrl: boolean };

const set = (value: string | undefined): value is string => (value ?? "").trim() !== "";

const normalUrl = (url: string): string | null => {
  try {
    const parsed = new URL(url.trim());
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    return `${parsed.origin}${parsed.pathname}`.replace(/\/+$/, "");
  } catch {
    return null;
  }
};

export function forumEnv(env: NodeJS.ProcessEnv): ForumEnvResult {
  const missing = FORUM_ENV.filter((name) => !set(env[name]));
  const url = set(env.DISCOURSE_URL) ? normalUrl(env.DISCOURSE_URL) : null;
  if (missing.length > 0 || url === null)
    return { ok: false, missing, badUrl: set(env.DISCOURSE_URL) && url === null };
  return {
    ok: true,
    forum: {
      url,
      credentials: {
        apiKey: (env.DISCOURSE_API_KEY as string).trim(),
        apiUsername: (env.DISCOURSE_API_USERNAME as string).trim(),
      },
      webhookSecret: set(env.DISCOURSE_WEBHOOK_SECRET) ? env.DISCOURSE_WEBHOOK_SECRET : null,
    },
  };
}

/**
 * Whether a repository's `forum.url` is the forum the key belongs to; only then may its forum
 * features run (otherwise: `forum.problem.otherForum` in `messages.forum.yml`).
 */
export function isKeyedForum(configUrl: string, forum: Pick<ForumEnv, "url">): boolean {
  return normalUrl(configUrl) === forum.url;
}
