/**
 * Which deliveries must run one after another: those about one issue or pull request, whichever
 * instance takes them (the queue runs one job of a named queue at a time). Others run in parallel.
 */
interface Payload {
  installation?: { id?: unknown };
  repository?: { full_name?: unknown };
  issue?: { number?: unknown };
  pull_request?: { number?: unknown };
}

/** `<installation>:<owner/repo>#<number>`, lower-cased (GitHub ignores the case), or null. */
export function serialKeyOf(payload: unknown): string | null {
  const p = (payload ?? {}) as Payload;
  const repo = p.repository?.full_name;
  const number = p.issue?.number ?? p.pull_request?.number;
  if (typeof repo !== "string" || typeof number !== "number") return null;
  const installation = typeof p.installation?.id === "number" ? p.installation.id : 0;
  return `${installation}:${repo.toLowerCase()}#${number}`;
}
