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
  readonly jobsYielded = new Counter({
    name: "squad_bot_jobs_yielded_total",
    help: "Scheduled runs skipped because the installation was near its rate limit",
    labelNames: ["job"] as const,
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

  /** Verified deliveries the inbox recorded, or recognised as seen before (a redelivery). */
  readonly inboxReceived = new Counter({
    name: "squad_bot_inbox_received_total",
    help: "Webhook deliveries the inbox recorded (queued) or recognised by their id (seen)",
    labelNames: ["result"] as const,
    registers: [this.registry],
  });
  readonly inboxRuns = new Counter({
    name: "squad_bot_inbox_runs_total",
    help: "Runs of deliveries from the inbox: done, failed (retried later) or parked",
    labelNames: ["outcome"] as const,
    registers: [this.registry],
  });
  private inboxCounts: (() => Promise<Partial<Record<string, number>>>) | undefined;
  /** Read from the inbox when /metrics is scraped: pending deliveries by state. */
  readonly inboxDeliveries = new Gauge({
    name: "squad_bot_inbox_deliveries",
    help: "Deliveries in the inbox whose work is not over, by state (queued, running, retrying, parked, stranded)",
    labelNames: ["state"] as const,
    registers: [this.registry],
    collect: async () => {
      if (!this.inboxCounts) return;
      const counts = await this.inboxCounts();
      this.inboxDeliveries.reset();
      for (const state of ["queued", "running", "retrying", "parked", "stranded"]) {
        this.inboxDeliveries.set({ state }, counts[state] ?? 0);
      }
    },
  });

  observeInbox(counts: () => Promise<Partial<Record<string, number>>>): void {
    this.inboxCounts = counts;
  }

  async render(): Promise<{ contentType: string; body: string }> {
    return { contentType: this.registry.contentType, body: await this.registry.metrics() };
  }
}
