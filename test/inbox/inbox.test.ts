/** The durable inbox's contract, run unchanged on PGlite (over its socket) and on PostgreSQL. */
import { describe, expect, it } from "vitest";
import type { Delivery } from "../../src/inbox/inbox.js";
import { Metrics } from "../../src/observability/metrics.js";
import { delivery, eventually, INBOX_BACKENDS, useInboxBackend } from "./support.js";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(INBOX_BACKENDS)("inbox on $name", (backend) => {
  if (backend.skipped) {
    it.skip(`skipped: ${backend.skipped}`, () => {});
    return;
  }
  const db = useInboxBackend(backend);

  it("runs a recorded delivery once and recognises its id when GitHub sends it again", async () => {
    const { inbox } = await db.open();
    const ran: Delivery[] = [];
    await inbox.start(async (d) => {
      ran.push(d);
    });
    expect(await inbox.record(delivery("d-1"))).toBe("queued");
    await eventually(() => ran.length === 1);
    expect(await inbox.record(delivery("d-1"))).toBe("seen");
    await sleep(300);
    expect(ran).toEqual([delivery("d-1")]);
    expect((await inbox.list({ id: "d-1" }))[0]).toMatchObject({ state: "done", attempts: 1 });
    expect(await inbox.list()).toEqual([]);
  });

  it("records a burst that arrives tick by tick, and one delivery the database refuses alone", async () => {
    const { inbox } = await db.open();
    // PostgreSQL's jsonb refuses \u0000; the deliveries written in the same batch are kept.
    const refused = { ...delivery("b-bad", 99), payload: { text: "\u0000" } };
    const recording: Promise<string>[] = [];
    // Each request of a burst reaches the inbox in a macrotask of its own, as over HTTP; those
    // that arrive while a batch is written are written together, the refused one among them.
    for (let i = 0; i < 60; i++) {
      await new Promise((resolve) => setImmediate(resolve));
      const recorded = inbox.record(i === 30 ? refused : delivery(`b-${i}`, i));
      recording.push(recorded.catch(() => "refused"));
    }
    const results = await Promise.all(recording);
    expect(results.filter((r) => r === "refused")).toHaveLength(1);
    expect(results[30]).toBe("refused");
    expect(await inbox.list({ limit: 100 })).toHaveLength(59);
    expect(await inbox.list({ id: "b-bad" })).toEqual([]);
  });

  it("runs a delivery seen before again when asked (inbox retry), not otherwise", async () => {
    const { inbox } = await db.open();
    let runs = 0;
    await inbox.start(async () => {
      runs++;
    });
    await inbox.record(delivery("d-2"));
    await eventually(() => runs === 1);
    expect(await inbox.retry("d-2")).toBe(true);
    await eventually(() => runs === 2);
    expect(await inbox.retry("unknown")).toBe(false);
    expect(await inbox.drop("unknown")).toBe(false);
  });

  it("retries a failing delivery with backoff, then parks it; retry runs it, drop ends it", async () => {
    const metrics = new Metrics();
    const { inbox } = await db.open({ maxAttempts: 2, metrics });
    let healthy = false;
    const attempts: number[] = [];
    await inbox.start(async () => {
      attempts.push(Date.now());
      if (!healthy) throw new Error("GitHub answered 502");
    });
    await inbox.record(delivery("d-3"));
    await inbox.record(delivery("d-4", 2));
    await eventually(async () => (await inbox.counts()).parked === 2, 20_000);
    expect(attempts).toHaveLength(4);
    const [first, second] = (await inbox.list()).map((e) => e.id);
    expect(new Set([first, second])).toEqual(new Set(["d-3", "d-4"]));
    expect((await inbox.list({ id: "d-3" }))[0]).toMatchObject({
      state: "parked",
      attempts: 2,
      lastError: expect.stringContaining("502"),
    });
    const scraped = (await metrics.render()).body;
    expect(scraped).toContain('squad_bot_inbox_deliveries{state="parked"} 2');
    expect(scraped).toContain('squad_bot_inbox_runs_total{outcome="parked"} 2');

    healthy = true;
    expect(await inbox.retry("d-3")).toBe(true);
    expect(await inbox.drop("d-4")).toBe(true);
    await eventually(async () => (await inbox.list({ id: "d-3" }))[0]?.state === "done");
    expect((await inbox.list({ id: "d-4" }))[0]?.state).toBe("dropped");
    expect(await inbox.counts()).toEqual({});
    expect(attempts).toHaveLength(5);
  }, 40_000);

  it("never runs one issue's deliveries at once, even on two instances", async () => {
    const { inbox: one, schema } = await db.open({ concurrency: 4 });
    const { inbox: two } = await db.open({ concurrency: 4 }, schema);
    const running = new Map<string, number>();
    let overlaps = 0;
    let peak = 0;
    let done = 0;
    const work = async (d: Delivery) => {
      const key = String((d.payload as { issue: { number: number } }).issue.number);
      const now = (running.get(key) ?? 0) + 1;
      running.set(key, now);
      if (now > 1) overlaps++;
      peak = Math.max(
        peak,
        [...running.values()].reduce((a, b) => a + b, 0),
      );
      await sleep(15);
      running.set(key, (running.get(key) ?? 1) - 1);
      done++;
    };
    await one.start(work);
    await two.start(work);
    const all = Array.from({ length: 40 }, (_, i) => delivery(`s-${i}`, i % 4));
    await Promise.all(all.map((d, i) => (i % 2 ? one : two).record(d)));
    await eventually(() => done === 40, 30_000);
    expect(overlaps).toBe(0);
    // Different issues do run side by side.
    expect(peak).toBeGreaterThan(1);
  }, 40_000);

  it("hands running work back on a stop past its grace period; the next start runs it", async () => {
    const { inbox: first, schema } = await db.open();
    let started = false;
    await first.start(async () => {
      started = true;
      await new Promise(() => {});
    });
    await first.record(delivery("g-1"));
    await eventually(() => started);
    expect(await first.stop(100)).toBe("handed back");

    const { inbox: next } = await db.open({}, schema);
    const ran: string[] = [];
    await next.start(async (d) => {
      ran.push(d.id);
    });
    await eventually(() => ran.length === 1, 20_000);
    expect(ran).toEqual(["g-1"]);
  }, 30_000);

  it("finishes running work within the grace period before it stops", async () => {
    const { inbox } = await db.open();
    let finished = false;
    let started = false;
    await inbox.start(async () => {
      started = true;
      await sleep(300);
      finished = true;
    });
    await inbox.record(delivery("g-2"));
    await eventually(() => started);
    expect(await inbox.stop(5_000)).toBe("finished");
    expect(finished).toBe(true);
    expect((await inbox.list({ id: "g-2" }))[0]?.state).toBe("done");
  });
});
