/**
 * Hidden markers in bot comments: `<!-- squad-bot:<kind> <json> -->`.
 * Only markers in comments written by this app are trusted; callers filter on `byThisApp`.
 */
const PREFIX = "<!-- squad-bot:";

/** JSON that cannot close the HTML comment it lives in, whatever users typed into it. */
function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/@/g, "\\u0040")
    .replace(/--/g, "-\\u002d");
}

export function encodeMarker(kind: string, data?: unknown): string {
  return data === undefined ? `${PREFIX}${kind} -->` : `${PREFIX}${kind} ${safeJson(data)} -->`;
}

export function hasMarker(body: string, kind: string): boolean {
  return body.includes(`${PREFIX}${kind} `);
}

/** The data of the first marker of `kind` in `body`; undefined when absent or unreadable. */
export function decodeMarker(body: string, kind: string): unknown {
  const start = body.indexOf(`${PREFIX}${kind} `);
  if (start < 0) return undefined;
  const from = start + PREFIX.length + kind.length + 1;
  const end = body.indexOf(" -->", from);
  if (end < 0) return undefined;
  const text = body.slice(from, end).trim();
  if (text === "") return null;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
