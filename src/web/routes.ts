/** `/dashboard` on the app's HTTP server: pages rendered from the stored snapshot, never from GitHub. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { ContributorStore } from "../store/types.js";
import { type AccessSecrets, checkAccess } from "./access.js";
import { renderPath } from "./site-pages.js";
import { parseSnapshot } from "./snapshot.js";

const DASHBOARD_ROOT = "/dashboard/";

function answer(res: ServerResponse, status: number, contentType: string, body: string) {
  res.writeHead(status, {
    "content-type": contentType,
    // No script runs on these pages: the policy says so, so an escaped title that slipped would not run either.
    "content-security-policy":
      "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'",
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "cache-control": "no-cache",
  });
  res.end(body);
}

/** Returns true when it answered, so other routes see other paths. */
export function dashboardRoute(store: ContributorStore, secrets: AccessSecrets) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/dashboard") {
      res.writeHead(308, { location: `${DASHBOARD_ROOT}${url.search}` });
      res.end();
      return true;
    }
    if (req.method !== "GET" || !url.pathname.startsWith(DASHBOARD_ROOT)) return false;
    const stored = await store.loadSnapshot();
    const snapshot = stored && parseSnapshot(stored.data);
    if (!snapshot) {
      answer(
        res,
        503,
        "text/plain; charset=utf-8",
        "The dashboard has no snapshot yet: the first refresh has not run.\n",
      );
      return true;
    }
    const access = checkAccess(req, snapshot.access, secrets);
    if (access === "unconfigured") {
      answer(
        res,
        503,
        "text/plain; charset=utf-8",
        "The dashboard asks for access control, but DASHBOARD_TOKEN or DASHBOARD_USER and DASHBOARD_PASSWORD are not set.\n",
      );
      return true;
    }
    if (access === "denied") {
      res.setHeader("www-authenticate", 'Basic realm="dashboard", charset="UTF-8"');
      answer(
        res,
        401,
        "text/plain; charset=utf-8",
        "This dashboard needs a token or a password.\n",
      );
      return true;
    }
    let path: string;
    try {
      path = decodeURIComponent(url.pathname.slice(DASHBOARD_ROOT.length));
    } catch {
      path = "\u0000"; // A malformed escape names no page.
    }
    const site = { root: DASHBOARD_ROOT, sections: snapshot.sections, served: true };
    const file = renderPath(site, snapshot, path, url.searchParams);
    if (!file) {
      answer(res, 404, "text/plain; charset=utf-8", "No such dashboard page.\n");
      return true;
    }
    answer(res, 200, file.contentType, file.body);
    return true;
  };
}
