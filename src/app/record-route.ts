/**
 * The webhook route's short way with the inbox on: a delivery of an event the app handles is
 * verified once over the body already read, recorded and answered, without Probot's `receive`
 * (which builds an authenticated Octokit and a Context for every event, only for the recording
 * handler to ignore them). The work runs later from the inbox through the same handlers. Anything
 * this route is not sure of (another path, a bad signature, broken JSON, an event nobody handles)
 * goes on to Probot's own route, which answers it as before. Other `app.on` listeners of the
 * events it takes are not called: `RecordNow.events` leaves out the events that have some.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Probot } from "probot";
import type { Delivery } from "../inbox/inbox.js";

/** The deliveries recorded straight away: the app's events, and where they go. */
export interface RecordNow {
  events: ReadonlySet<string>;
  record(delivery: Delivery): Promise<unknown>;
}

type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const JSON_TYPE = /^\s*application\/json\s*(?:;|$)/u;

const withoutTrailingSlashes = (path: string) => path.replace(/\/+$/u, "") || "/";

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  return typeof value === "string" && value !== "" ? value : undefined;
}

function answer(res: ServerResponse, status: number, body: string, type: string): true {
  res.writeHead(status, { "content-type": type, "content-length": Buffer.byteLength(body) });
  res.end(body);
  return true;
}

/**
 * The delivery in `req` if it is one this route may record: posted to `path` as JSON with
 * GitHub's headers, of an event in `events`, signed with the app's secret, an object once parsed.
 */
async function verifiedDelivery(
  req: IncomingMessage,
  path: string,
  app: Probot,
  events: ReadonlySet<string>,
): Promise<Delivery | null> {
  const raw = (req as { rawBody?: unknown }).rawBody;
  if (req.method !== "POST" || !Buffer.isBuffer(raw)) return null;
  if (withoutTrailingSlashes((req.url ?? "").split("?")[0] ?? "") !== path) return null;
  if (!JSON_TYPE.test(header(req, "content-type") ?? "")) return null;
  const name = header(req, "x-github-event");
  const id = header(req, "x-github-delivery");
  const signature = header(req, "x-hub-signature-256");
  if (!name || !id || !signature || !events.has(name)) return null;
  const text = raw.toString("utf8");
  // @octokit/webhooks' own check (one HMAC with node:crypto, compared in constant time).
  if (!(await app.webhooks.verify(text, signature).catch(() => false))) return null;
  try {
    const payload: unknown = JSON.parse(text);
    const isObject = typeof payload === "object" && payload !== null && !Array.isArray(payload);
    return isObject ? { id, name, payload } : null;
  } catch {
    return null;
  }
}

/** `fallback` (Probot's webhook route) behind the short way for the deliveries `now` takes. */
export function recordFirst(app: Probot, path: string, now: RecordNow, fallback: Route): Route {
  const webhookPath = withoutTrailingSlashes(path);
  return async (req, res) => {
    const delivery = await verifiedDelivery(req, webhookPath, app, now.events);
    if (!delivery) return fallback(req, res);
    app.log.debug(`${delivery.name} event received (id: ${delivery.id})`);
    try {
      await now.record(delivery);
    } catch (error) {
      // Not acknowledged: GitHub shows the delivery as failed, to be redelivered.
      app.log.error({ err: error, id: delivery.id }, "could not record a delivery in the inbox");
      const body = JSON.stringify({ error: "The delivery could not be recorded" });
      return answer(res, 500, body, "application/json");
    }
    return answer(res, 200, "ok\n", "text/plain");
  };
}
