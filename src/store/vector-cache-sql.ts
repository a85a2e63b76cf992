/** The similar-issue vector cache in the store's database (table `similar_vectors`, migration 0007). */
import type { Kysely } from "kysely";
import type { Vector } from "../features/similar/embedder.js";
import { type VectorCache, type VectorKey, vectorKey } from "../features/similar/vector-cache.js";
import type { StoreDatabase } from "./schema.js";

export class SqlVectorCache implements VectorCache {
  constructor(private readonly db: Kysely<StoreDatabase>) {}

  async get(keys: VectorKey[]): Promise<Map<string, Vector>> {
    const found = new Map<string, Vector>();
    if (keys.length === 0) return found;
    const wanted = new Map(keys.map((k) => [vectorKey(k), k.updatedAt]));
    const rows = await this.db
      .selectFrom("similar_vectors")
      .select(["repo", "number", "updated_at", "vector"])
      .where("repo", "in", [...new Set(keys.map((k) => k.repo.toLowerCase()))])
      .where("number", "in", [...new Set(keys.map((k) => k.number))])
      .execute();
    for (const row of rows) {
      const id = vectorKey(row);
      if (wanted.get(id) === row.updated_at) found.set(id, row.vector);
    }
    return found;
  }

  async put(entries: { key: VectorKey; vector: Vector }[]): Promise<void> {
    if (entries.length === 0) return;
    await this.db
      .insertInto("similar_vectors")
      .values(
        entries.map(({ key, vector }) => ({
          repo: key.repo.toLowerCase(),
          number: key.number,
          updated_at: key.updatedAt,
          vector: JSON.stringify(vector),
        })),
      )
      .onConflict((oc) =>
        oc.columns(["repo", "number"]).doUpdateSet((eb) => ({
          updated_at: eb.ref("excluded.updated_at"),
          vector: eb.ref("excluded.vector"),
        })),
      )
      .execute();
  }
}
