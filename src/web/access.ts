/** Optional access control for private installs: a shared token or basic auth, secrets from the environment. */
import { timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export interface AccessSecrets {
  token?: string;
  user?: string;
  password?: string;
}

/** DASHBOARD_TOKEN, DASHBOARD_USER and DASHBOARD_PASSWORD. */
export function accessFromEnv(env: NodeJS.ProcessEnv): AccessSecrets {
  return {
    ...(env.DASHBOARD_TOKEN ? { token: env.DASHBOARD_TOKEN } : {}),
    ...(env.DASHBOARD_USER ? { user: env.DASHBOARD_USER } : {}),
    ...(env.DASHBOARD_PASSWORD ? { password: env.DASHBOARD_PASSWORD } : {}),
  };
}

const same = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export type AccessDecision = "allowed" | "denied" | "unconfigured";

/**
 * Public dashboards are open unless secrets are set (then they are asked for anyway); a
 * dashboard whose config asks for access control but has no secrets is not served at all.
 */
export function checkAccess(
  req: IncomingMessage,
  mode: "public" | "token" | "basic",
  secrets: AccessSecrets,
): AccessDecision {
  const wantsToken = mode === "token" || (mode === "public" && secrets.token !== undefined);
  const wantsBasic = mode === "basic" || (mode === "public" && secrets.user !== undefined);
  if (!wantsToken && !wantsBasic) return "allowed";
  const header = req.headers.authorization ?? "";
  if (wantsToken) {
    if (!secrets.token) return "unconfigured";
    const query = new URL(req.url ?? "/", "http://localhost").searchParams.get("token");
    const bearer = header.startsWith("Bearer ") ? header.slice(7) : null;
    if ((query && same(query, secrets.token)) || (bearer && same(bearer, secrets.token))) {
      return "allowed";
    }
    if (!wantsBasic) return "denied";
  }
  if (!secrets.user || !secrets.password) return "unconfigured";
  if (!header.startsWith("Basic ")) return "denied";
  const [user = "", ...rest] = Buffer.from(header.slice(6), "base64").toString("utf8").split(":");
  return same(user, secrets.user) && same(rest.join(":"), secrets.password) ? "allowed" : "denied";
}
