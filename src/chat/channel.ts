/**
 * A Slack channel as people name it (`/link slack <channel>`): `#name`, a channel id, or the
 * channel's link (`https://<workspace>.slack.com/archives/C0123ABCD`). The same rule as the
 * `chat.channels` config.
 */
export const CHANNEL_PATTERN = /^(#[a-z0-9_-]{1,80}|[CG][A-Z0-9]{8,})$/;

export function channelOf(text: string): string | null {
  const trimmed = text.trim();
  if (CHANNEL_PATTERN.test(trimmed)) return trimmed;
  try {
    const url = new URL(trimmed);
    const id = /^\/archives\/([CG][A-Z0-9]{8,})\/?$/.exec(url.pathname)?.[1];
    return url.protocol === "https:" && url.hostname.endsWith(".slack.com") && id ? id : null;
  } catch {
    return null;
  }
}
