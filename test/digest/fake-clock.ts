/** A scheduler clock tests move by hand: timers fire in order as time is advanced past them. */
import type { SchedulerClock } from "../../src/scheduler/scheduler.js";

export class FakeClock implements SchedulerClock {
  private current: number;
  private timers: { at: number; id: number; callback: () => void }[] = [];
  private lastId = 0;

  constructor(start: string) {
    this.current = Date.parse(start);
  }

  now(): Date {
    return new Date(this.current);
  }

  setTimeout(callback: () => void, ms: number): unknown {
    this.lastId += 1;
    this.timers.push({ at: this.current + ms, id: this.lastId, callback });
    return this.lastId;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  pending(): number {
    return this.timers.length;
  }

  /** Moves to `to`, firing each due timer at its own instant and letting its job settle. */
  async advanceTo(to: string): Promise<void> {
    const end = Date.parse(to);
    for (;;) {
      const next = this.timers
        .filter((t) => t.at <= end)
        .sort((a, b) => a.at - b.at || a.id - b.id)[0];
      if (!next) break;
      this.timers = this.timers.filter((t) => t !== next);
      this.current = Math.max(this.current, next.at);
      next.callback();
      // Jobs are async: let them run to completion before the next timer.
      for (let i = 0; i < 20; i += 1) await Promise.resolve();
      await new Promise((resolve) => setImmediate(resolve));
    }
    this.current = end;
  }
}
