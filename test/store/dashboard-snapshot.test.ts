/** The dashboard snapshot kept in the store, on PGlite and on PostgreSQL. */
import { describe, expect, it } from "vitest";
import { BACKENDS, useBackend } from "./backends.js";

const at = (minute: number) => new Date(Date.UTC(2026, 11, 8, 3, minute));

describe.each(BACKENDS)("dashboard snapshot on $name", (backend) => {
  if (backend.skipped) {
    it.skip(`skipped: ${backend.skipped}`, () => {});
    return;
  }
  const db = useBackend(backend);

  it("is null before the first refresh", async () => {
    const { store } = await db.open();
    expect(await store.loadSnapshot("acme/widgets")).toBeNull();
    expect(await store.loadSnapshot()).toBeNull();
  });

  it("keeps one row per dashboard, the latest refresh, whatever order they land in", async () => {
    const { store } = await db.open();
    await store.saveSnapshot("Acme/Widgets", at(10), { version: 1, n: "ten" });
    await store.saveSnapshot("acme/widgets", at(20), { version: 1, n: "twenty" });
    // A slow instance finishing late with older data does not replace the newer snapshot.
    await store.saveSnapshot("acme/widgets", at(15), { version: 1, n: "fifteen" });
    const kept = await store.loadSnapshot("ACME/widgets");
    expect(kept).toEqual({
      key: "acme/widgets",
      takenAt: at(20),
      data: { version: 1, n: "twenty" },
    });
  });

  it("answers the newest dashboard when no key is asked for", async () => {
    const { store } = await db.open();
    await store.saveSnapshot("acme/widgets", at(10), { n: 1 });
    await store.saveSnapshot("acme/gadgets", at(30), { n: 2 });
    expect((await store.loadSnapshot())?.key).toBe("acme/gadgets");
  });

  it("round-trips hostile text unchanged", async () => {
    const { store } = await db.open();
    const title = `<script>alert(1)</script>\u202e'"${"x".repeat(10_000)}`;
    await store.saveSnapshot("acme/widgets", at(1), { title });
    expect((await store.loadSnapshot("acme/widgets"))?.data).toEqual({ title });
  });
});
