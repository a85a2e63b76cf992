/** The similar-issue vector cache in the store (migration 0009) on PGlite and PostgreSQL. */
import { describe, expect, it } from "vitest";
import { vectorCacheOf } from "../../src/store/index.js";
import { BACKENDS, useBackend } from "./backends.js";

const key = (number: number, updatedAt: string) => ({ repo: "Medic/CHT-Core", number, updatedAt });

describe.each(BACKENDS)("similar vectors on $name", (backend) => {
  const db = useBackend(backend);

  it.skipIf(backend.skipped)(
    "returns a vector while updatedAt matches, and replaces it",
    async () => {
      const { store } = await db.open();
      const cache = vectorCacheOf(store);
      if (!cache) throw new Error("a SQL store has a vector cache");
      await cache.put([
        { key: key(1, "2026-01-01T00:00:00Z"), vector: [0.25, -0.5] },
        { key: key(2, "2026-01-01T00:00:00Z"), vector: [1, 0] },
      ]);
      const hits = await cache.get([
        key(1, "2026-01-01T00:00:00Z"),
        key(2, "2026-02-01T00:00:00Z"),
      ]);
      expect([...hits]).toEqual([["medic/cht-core#1", [0.25, -0.5]]]);
      await cache.put([{ key: key(2, "2026-02-01T00:00:00Z"), vector: [0, 1] }]);
      const again = await cache.get([key(2, "2026-02-01T00:00:00Z")]);
      expect(again.get("medic/cht-core#2")).toEqual([0, 1]);
      expect(await cache.get([])).toEqual(new Map());
    },
  );
});
