/**
 * The app's HTTP routes on Probot's server, and a body limit in front of all of them, Probot's
 * webhook route included: GitHub caps a payload at 25 MB, so a larger body is refused (413)
 * before it is read, by its Content-Length or, for a chunked one, by counting as it streams.
 * The body is read once; Probot's webhook middleware verifies the signature over that buffer
 * (it takes `request.rawBody` when present) instead of reading the stream again.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApplicationFunctionOptions, Probot } from "probot";
import { type RecordNow, recordFirst } from "./record-route.js";

/** GitHub's cap on a webhook payload. */
export const MAX_WEBHOOK_BYTES = 25 * 1024 * 1024;

/** A route answers (true) or passes the request on (false), as Probot's server expects. */
export type Route = (req: IncomingMessage, res: ServerResponse) => Promise<boolean>;

const WITH_BODY = new Set(["POST", "PUT", "PATCH"]);

function refuse(res: ServerResponse, limit: number, close: boolean): void {
  const body = JSON.stringify({ error: `The body is over the limit of ${limit} bytes` });
  const headers = { "content-type": "application/json", ...(close ? { connection: "close" } : {}) };
  res.writeHead(413, headers);
  res.end(body);
}

/**
 * Reads the body up to `limit` bytes, or resolves null and refuses the request. The rest of a
 * body found too long is let through unkept, and answered once it ends: a server that closes
 * with unread data resets the connection, and the client never reads the answer. One that
 * keeps sending past twice the limit is cut off.
 */
function readLimited(req: IncomingMessage, res: ServerResponse, limit: number) {
  return new Promise<Buffer | null>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let over = false;
    const onEnd = () => resolve(Buffer.concat(chunks));
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > 2 * limit) req.destroy();
      if (over) return;
      if (size <= limit) return void chunks.push(chunk);
      over = true;
      chunks.length = 0;
      req.off("end", onEnd);
      req.once("end", () => refuse(res, limit, false));
      resolve(null);
    };
    req.on("data", onData);
    req.once("end", onEnd);
    req.once("error", reject);
  });
}

/** `route` behind the limit: requests with a body reach it with `rawBody` read, or get a 413. */
function limitBody(route: Route, limit = MAX_WEBHOOK_BYTES): Route {
  return async (req, res) => {
    if (!WITH_BODY.has(req.method ?? "")) return route(req, res);
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limit) {
      // Nothing of it is read: the connection closes behind the answer.
      refuse(res, limit, true);
      return true;
    }
    const body = await readLimited(req, res, limit);
    if (body === null) return true;
    // What @octokit/webhooks' middleware reads instead of the stream.
    Object.assign(req, { body, rawBody: body });
    return route(req, res);
  };
}

/**
 * Mounts `routes` on Probot's server, after its webhook route, and puts the body limit in front
 * of that route (the first the server tries, so the limit covers every request). With
 * `recordNow` (the inbox), the deliveries it takes are recorded and answered before Probot's
 * route (`record-route.ts`). Without a server (tests, the Actions mode) there is nothing to mount.
 */
export function mountRoutes(
  app: Probot,
  options: ApplicationFunctionOptions | undefined,
  routes: Route[],
  recordNow?: RecordNow,
): void {
  if (!options?.addHandler) return;
  try {
    for (const route of routes) options.addHandler(route);
  } catch {
    // No HTTP server (tests, Actions mode): nothing to serve the routes on.
    return;
  }
  // The server asks the app for its webhook middleware when it starts, after loading the app.
  const webhooks = app.getNodeMiddleware.bind(app);
  app.getNodeMiddleware = async (...args) => {
    const probotRoute: Route = await webhooks(...args);
    if (!recordNow) return limitBody(probotRoute);
    const path = args[0]?.path ?? app.webhookPath;
    return limitBody(recordFirst(app, path, recordNow, probotRoute));
  };
}
