/** Looks for earlier, similar issues once, when a request is first recognised; never blocks the card. */
import type { Config } from "../../config/schema.js";
import type { Log } from "../../core/log.js";
import type { IssueSnapshot } from "../../github/types.js";
import { findCard } from "../squad/card-state.js";
import { looksLikeFeatureRequest } from "../squad/recognize.js";
import { findRelated } from "./intake.js";
import type { SimilarCandidate, SimilarSearchPort } from "./port.js";

export async function relatedForNewRequest(
  search: SimilarSearchPort | undefined,
  config: Config,
  issue: IssueSnapshot,
  log: Log,
): Promise<SimilarCandidate[] | undefined> {
  if (!search || !config.intake || findCard(issue.comments).card) return undefined;
  const labels = issue.labels.map((l) => l.name);
  if (!looksLikeFeatureRequest(config, labels, issue.body)) return undefined;
  try {
    const related = await findRelated(search, config.intake.similar, {
      repo: `${issue.ref.owner}/${issue.ref.repo}`,
      number: issue.ref.number,
      title: issue.title,
      body: issue.body,
    });
    return related.map((r) => r.candidate);
  } catch (error) {
    // Search has its own, small rate limit; the card goes out without the list rather than not at all.
    log.warn({ err: error, issue: issue.ref }, "could not search for related issues");
    return [];
  }
}
