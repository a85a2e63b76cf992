/** `/healthz` and `/metrics` as Node request handlers that Probot's server can mount. */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { Metrics } from "./metrics.js";

export type HealthCheck = () => Promise<{ name: string; ok: boolean; detail?: string }>;

/** Returns true when it answered, so Probot's server passes other paths on. */
export function observabilityHandler(metrics: Metrics, checks: HealthCheck[]) {
  return async (req: IncomingMessage, res: ServerResponse): Promise<boolean> => {
    const path = (req.url ?? "").split("?")[0];
    if (req.method !== "GET" || (path !== "/healthz" && path !== "/metrics")) return false;
    if (path === "/metrics") {
      const { contentType, body } = await metrics.render();
      res.writeHead(200, { "content-type": contentType });
      res.end(body);
      return true;
    }
    const results = await Promise.all(
      checks.map((check) =>
        check().catch((error: unknown) => ({ name: "check", ok: false, detail: String(error) })),
      ),
    );
    const ok = results.every((r) => r.ok);
    res.writeHead(ok ? 200 : 503, { "content-type": "application/json" });
    res.end(JSON.stringify({ ok, checks: [{ name: "process", ok: true }, ...results] }));
    return true;
  };
}
