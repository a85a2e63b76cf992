/**
 * Prometheus metrics of one squad-bot process: deliveries by outcome, GitHub requests by kind,
 * rate limit left per installation, and how long reconciles and jobs take.
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";

export class Metrics {
  readonly registry = new Registry();
  readonly deliveries = new Counter({
    name: "squad_bot_deliveries_total",
    help: "Webhook deliveries by event and outcome",
    labelNames: ["event", "outcome"] as const,
    registers: [this.registry],
  });
  readonly githubRequests = new Counter({
    name: "squad_bot_github_requests_total",
    help: "Requests to GitHub by kind (port method)",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });
  readonly rateLimitRemaining = new Gauge({
    name: "squad_bot_github_rate_limit_remaining",
    help: "GitHub rate limit left, per installation and resource, as last seen",
    labelNames: ["installation", "resource"] as const,
    registers: [this.registry],
  });
  readonly reconcileSeconds = new Histogram({
    name: "squad_bot_reconcile_duration_seconds",
    help: "Time to load, plan and apply one issue",
    buckets: [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  readonly jobSeconds = new Histogram({
    name: "squad_bot_job_duration_seconds",
    help: "Duration of scheduled jobs (digests, repair sweeps)",
    labelNames: ["job"] as const,
    buckets: [1, 5, 15, 60, 300, 900],
    registers: [this.registry],
  });
  readonly errors = new Counter({
    name: "squad_bot_errors_total",
    help: "Internal errors by where they happened",
    labelNames: ["where"] as const,
    registers: [this.registry],
  });

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
