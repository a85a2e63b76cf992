/**
 * Forum topic addresses, as people paste them (`/link forum <url>`, a topic URL in a request's
 * body) and as Discourse redirects to them: `/t/<slug>/<id>`, `/t/<slug>/<id>/<post>`, `/t/<id>`,
 * with or without `.json`, under the forum's own address (a subfolder install included).
 */
const TOPIC_PATH = /\/t\/(?:([^/?#]+)\/)?(\d+)(?:\/\d+)?(?:\.json)?\/?$/;

export interface TopicRef {
  topicId: number;
  /** Null for the short `/t/<id>` form. */
  slug: string | null;
}

/** The topic a path or URL names, wherever it points. */
export function topicOfPath(path: string | null): TopicRef | null {
  const match = path?.split(/[?#]/)[0]?.match(TOPIC_PATH);
  if (!match) return null;
  return { topicId: Number(match[2]), slug: match[1] ?? null };
}

/** The topic `text` links to on the forum at `forumUrl`; null for any other site or page. */
export function topicOfUrl(forumUrl: string, text: string): TopicRef | null {
  let url: URL;
  let forum: URL;
  try {
    url = new URL(text.trim());
    forum = new URL(forumUrl);
  } catch {
    return null;
  }
  const base = forum.pathname.replace(/\/+$/, "");
  if (url.origin !== forum.origin || !url.pathname.startsWith(`${base}/t/`)) return null;
  return topicOfPath(url.pathname.slice(base.length));
}
