/** The per-issue advisory lock's use of its session, with a scripted one (no database). */
import { describe, expect, it } from "vitest";
import { KeyedLock } from "../../src/core/keyed-lock.js";
import { advisoryKey, issueAdvisoryLock } from "../../src/scheduler/pg-lock.js";

function session(failOn?: string) {
  const sql: string[] = [];
  const released: (Error | undefined)[] = [];
  const open = async () => ({
    query: async (text: string, params?: unknown[]) => {
      sql.push(`${text} ${String(params?.[0])}`);
      if (failOn && text.includes(failOn)) throw new Error("connection lost");
      return { rows: [] };
    },
    release: (error?: Error) => {
      released.push(error);
    },
  });
  return { open, sql, released };
}

describe("issueAdvisoryLock", () => {
  it("locks the issue's own key around the work, unlocks, and pools the session again", async () => {
    const s = session();
    const lock = new KeyedLock(issueAdvisoryLock(s.open));
    expect(await lock.run("medic/cht-core#7", async () => "done")).toBe("done");
    const id = advisoryKey("issue:medic/cht-core#7");
    expect(id).not.toBe(advisoryKey("medic/cht-core#7"));
    expect(s.sql).toEqual([
      `select pg_advisory_lock($1::bigint) ${id}`,
      `select pg_advisory_unlock($1::bigint) ${id}`,
    ]);
    expect(s.released).toEqual([undefined]);
  });

  it("unlocks after failed work and keeps the session: the work's error is the caller's", async () => {
    const s = session();
    const across = issueAdvisoryLock(s.open);
    await expect(across("k", async () => Promise.reject(new Error("502")))).rejects.toThrow("502");
    expect(s.sql).toHaveLength(2);
    expect(s.released).toEqual([undefined]);
  });

  it("closes a session whose unlock failed, so no lock outlives its work in the pool", async () => {
    const s = session("unlock");
    await expect(issueAdvisoryLock(s.open)("k", async () => 1)).rejects.toThrow("connection lost");
    expect(s.released[0]?.message).toBe("connection lost");
  });

  it("runs no work when the lock could not be asked for", async () => {
    const s = session("pg_advisory_lock");
    let ran = false;
    const work = async () => {
      ran = true;
    };
    await expect(issueAdvisoryLock(s.open)("k", work)).rejects.toThrow("connection lost");
    expect(ran).toBe(false);
    expect(s.released[0]?.message).toBe("connection lost");
  });
});
