import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { observabilityHandler } from "../../src/observability/http.js";
import { Metrics } from "../../src/observability/metrics.js";

let server: Server | undefined;
afterEach(() => server?.close());

async function serve(handler: ReturnType<typeof observabilityHandler>): Promise<string> {
  server = createServer(async (req, res) => {
    if (!(await handler(req, res))) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server?.listen(0, "127.0.0.1", resolve));
  return `http://127.0.0.1:${(server?.address() as AddressInfo).port}`;
}

describe("observability endpoints", () => {
  it("exposes counters in Prometheus text format", async () => {
    const metrics = new Metrics();
    metrics.deliveries.inc({ event: "issues", outcome: "handled" });
    metrics.githubRequests.inc({ kind: "loadIssue" }, 2);
    const base = await serve(observabilityHandler(metrics, []));
    const response = await fetch(`${base}/metrics`);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(text).toContain('squad_bot_deliveries_total{event="issues",outcome="handled"} 1');
    expect(text).toContain('squad_bot_github_requests_total{kind="loadIssue"} 2');
  });

  it("answers 503 when a dependency is down, and leaves other paths alone", async () => {
    const metrics = new Metrics();
    const base = await serve(
      observabilityHandler(metrics, [
        async () => ({ name: "database", ok: false, detail: "connection refused" }),
      ]),
    );
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({
      ok: false,
      checks: [
        { name: "process", ok: true },
        { name: "database", ok: false },
      ],
    });
    expect((await fetch(`${base}/elsewhere`)).status).toBe(404);
  });
});

describe("metrics from real deliveries", () => {
  it("counts deliveries by outcome and times reconciles", async () => {
    const { startApp } = await import("../support/app.js");
    const metrics = new Metrics();
    const app = await startApp({ config: "preset: squad-journey\n", metrics });
    const opened = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Sync", body: "", labels: ["enhancement"] });
    await app.deliver(opened);
    // The config and the issue come in one read ahead of the reconcile: it fails.
    app.github.failNext("readAhead", "server");
    await expect(
      app.deliver(app.github.as(app.people.user).editBody(opened.ref, "more")),
    ).rejects.toThrow();
    const text = (await metrics.render()).body;
    expect(text).toContain('squad_bot_deliveries_total{event="issues",outcome="handled"} 1');
    expect(text).toContain('squad_bot_deliveries_total{event="issues",outcome="failed"} 1');
    expect(text).toMatch(/squad_bot_reconcile_duration_seconds_count 1/);
  });
});
