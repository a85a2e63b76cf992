/** Reaches the similar-issue vector cache of an opened store, without widening ContributorStore. */
import type { VectorCache } from "../features/similar/vector-cache.js";
import { SqlContributorStore } from "./sql-store.js";

/** The store's vector cache when the store is SQL-backed (PGlite or PostgreSQL), else undefined. */
export function vectorCacheOf(store: unknown): VectorCache | undefined {
  return store instanceof SqlContributorStore ? store.vectorCache() : undefined;
}
