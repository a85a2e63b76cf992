/**
 * "Raised before?" on the forum: earlier topics that share a new request's telling words, found
 * with one Discourse search. A candidate source beside GitHub's issue search; how candidates are
 * ranked stays with `features/similar/`.
 */
import type { ForumPort, ForumSearchHit } from "../../forum/port.js";
import { searchTerms } from "../similar/search-query.js";

/** Where earlier requests may be found, other than GitHub's issues. */
export interface RelatedCandidateSource {
  earlier(
    text: { id: number; title: string; body: string },
    limit: number,
  ): Promise<ForumSearchHit[]>;
}

/**
 * Discourse matches every word of a query, so only the title's three most telling words are
 * asked for, in first posts only: a topic whose opening says the same thing.
 */
export function forumCandidates(forum: ForumPort): RelatedCandidateSource {
  return {
    async earlier(text, limit) {
      const terms = searchTerms({ title: text.title, body: "" }, 3);
      if (terms.length === 0) return [];
      const hits = await forum.search(`${terms.join(" ")} in:first`);
      return hits.filter((hit) => hit.topicId !== text.id).slice(0, limit);
    },
  };
}
