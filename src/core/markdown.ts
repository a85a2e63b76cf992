/**
 * Making user-written text safe inside bot Markdown: it cannot mention people, open links,
 * inject HTML or break the surrounding table or list.
 */

const ZERO_WIDTH_JOINER = "\u200d";

/** Escapes inline user text (titles, reasons): one line, no mentions, no HTML, no Markdown syntax. */
export function escapeInline(text: string): string {
  return text
    .replace(/\r?\n|\r/g, " ")
    .replace(/[\\`*_{}[\]()#+!|~>]/g, "\\$&")
    .replace(/</g, "&lt;")
    .replace(/@/g, `@${ZERO_WIDTH_JOINER}`)
    .replace(/\s+/g, " ")
    .trim();
}

/** A GitHub login as GitHub allows it (letters, digits, dashes), keeping a trailing `[bot]`. */
function cleanLogin(login: string): string {
  const bot = /\[bot\]$/.test(login);
  const name = login.replace(/\[bot\]$/, "").replace(/[^A-Za-z0-9-]/g, "");
  return bot ? `${name}[bot]` : name;
}

/** A person named without notifying them: a link to their profile. */
export function personLink(login: string): string {
  const safe = cleanLogin(login);
  const app = /\[bot\]$/.exec(safe);
  // An app's page is /apps/<slug>: github.com/<slug> is a user account, maybe someone else's.
  if (app) {
    const slug = safe.slice(0, app.index);
    return `[${slug}\\[bot\\]](https://github.com/apps/${slug})`;
  }
  return `[${safe}](https://github.com/${safe})`;
}

/** A person who asked to be notified. */
export function mention(login: string): string {
  return `@${cleanLogin(login)}`;
}

/** A URL that we link to only if it is http(s); anything else is shown as inert text. */
export function safeUrl(url: string): string | null {
  try {
    const parsed = new URL(url);
    if (parsed.protocol !== "https:" && parsed.protocol !== "http:") return null;
    // encodeURIComponent leaves ( ) unencoded, and they would close a Markdown link early.
    return parsed
      .toString()
      .replace(
        /[()<>[\]|`\s"']/g,
        (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, "0")}`,
      );
  } catch {
    return null;
  }
}
