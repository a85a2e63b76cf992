/** Looks for earlier, similar issues once, when a request is first recognised; never blocks the card. */
import type { Config } from "../../config/schema.js";
import type { Log } from "../../core/log.js";
import type { IssueSnapshot } from "../../github/types.js";
import { findCard } from "../squad/card-state.js";
import { looksLikeFeatureRequest } from "../squad/recognize.js";
import { type Embedder, lazyEmbedder } from "./embedder.js";
import type { RelatedReason } from "./hybrid.js";
import { findRelated, type SemanticRanking } from "./intake.js";
import type { SimilarCandidate, SimilarSearchPort } from "./port.js";
import { MemoryVectorCache, type VectorCache } from "./vector-cache.js";

/** A candidate as the card keeps it, with why it was listed. */
export interface RelatedCandidate extends SimilarCandidate {
  reason?: RelatedReason;
}

let processEmbedder: (() => Promise<Embedder | undefined>) | undefined;
let processCache: VectorCache = new MemoryVectorCache();

/**
 * The process's one sentence encoder, loaded on the first new request (never at start), and its
 * vector cache: the store's once `useVectorCache` gave it, memory until then.
 * SQUAD_BOT_SIMILAR_MODEL=off ranks by words only (the tests set it: the model stays in one file).
 */
function defaultSemanticRanking(log: Log): SemanticRanking {
  processEmbedder ??=
    process.env.SQUAD_BOT_SIMILAR_MODEL === "off"
      ? async () => undefined
      : lazyEmbedder(undefined, (error) =>
          log.warn(
            { err: error },
            "sentence encoder did not load; related issues ranked by words only",
          ),
        );
  return { embedder: processEmbedder, cache: processCache };
}

/** Keeps candidate vectors in `cache` (the store's), so they outlive the process. */
export function useVectorCache(cache: VectorCache): void {
  processCache = cache;
}

export async function relatedForNewRequest(
  search: SimilarSearchPort | undefined,
  config: Config,
  issue: IssueSnapshot,
  log: Log,
  semantic?: SemanticRanking,
): Promise<RelatedCandidate[] | undefined> {
  if (!search || !config.intake || findCard(issue.comments).card) return undefined;
  const labels = issue.labels.map((l) => l.name);
  if (!looksLikeFeatureRequest(config, labels, issue.body)) return undefined;
  try {
    const related = await findRelated(
      search,
      config.intake.similar,
      {
        repo: `${issue.ref.owner}/${issue.ref.repo}`,
        number: issue.ref.number,
        title: issue.title,
        body: issue.body,
      },
      semantic ?? defaultSemanticRanking(log),
    );
    return related.map((r) => (r.reason ? { ...r.candidate, reason: r.reason } : r.candidate));
  } catch (error) {
    // Search has its own, small rate limit; the card goes out without the list rather than not at all.
    log.warn({ err: error, issue: issue.ref }, "could not search for related issues");
    return [];
  }
}
