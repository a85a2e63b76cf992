/**
 * Candidate vectors kept between requests, by repository, issue number and `updatedAt`: an issue
 * that has not changed is not embedded again, so a new request embeds only itself.
 */
import type { Vector } from "./embedder.js";

export interface VectorKey {
  repo: string;
  number: number;
  updatedAt: string;
}

export interface VectorCache {
  /** The stored vectors of `keys` whose `updatedAt` still matches, by `repo#number`. */
  get(keys: VectorKey[]): Promise<Map<string, Vector>>;
  /** Stores (or replaces) vectors; a failure only costs a later re-embedding. */
  put(entries: { key: VectorKey; vector: Vector }[]): Promise<void>;
}

export const vectorKey = (key: { repo: string; number: number }): string =>
  `${key.repo.toLowerCase()}#${key.number}`;

/** In one process's memory: for tests, the CLI and a bot without a store. */
export class MemoryVectorCache implements VectorCache {
  private readonly vectors = new Map<string, { updatedAt: string; vector: Vector }>();

  async get(keys: VectorKey[]): Promise<Map<string, Vector>> {
    const found = new Map<string, Vector>();
    for (const key of keys) {
      const entry = this.vectors.get(vectorKey(key));
      if (entry && entry.updatedAt === key.updatedAt) found.set(vectorKey(key), entry.vector);
    }
    return found;
  }

  async put(entries: { key: VectorKey; vector: Vector }[]): Promise<void> {
    for (const { key, vector } of entries) {
      this.vectors.set(vectorKey(key), { updatedAt: key.updatedAt, vector });
    }
  }
}
