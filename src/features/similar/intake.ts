/**
 * Intake for a new request: what happens next (the first phase's activities in plain words),
 * what the template still asks, and which earlier issues may raise the same thing.
 */

import { escapeInline } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { IntakeConfig } from "./config.js";
import type { SimilarCandidate, SimilarSearchPort } from "./port.js";
import { rankSimilar } from "./rank.js";
import { searchTerms } from "./search-query.js";
import { missingTemplateAnswers } from "./template-answers.js";

export interface RelatedIssue {
  candidate: SimilarCandidate;
  score: number;
}

/**
 * One search request, then a local re-rank: GitHub's "best match" orders by its own relevance,
 * BM25F over the candidates keeps only those that share the request's telling words.
 */
export async function findRelated(
  port: SimilarSearchPort,
  config: IntakeConfig["similar"],
  issue: { repo: string; number: number; title: string; body: string },
): Promise<RelatedIssue[]> {
  const repos = config.repos.length > 0 ? config.repos : [issue.repo];
  const terms = searchTerms(issue);
  if (terms.length === 0) return [];
  const candidates = await port.searchIssues(repos, terms, config.candidates);
  // Issue numbers repeat across repositories: rank by position, map back to the candidate.
  const keyed = candidates.map((candidate, index) => ({ ...candidate, number: index + 1 }));
  const self = candidates.findIndex((c) => c.repo === issue.repo && c.number === issue.number);
  const ranked = rankSimilar(issue, keyed, {
    top: config.top,
    minScore: config.minScore,
    exclude: self >= 0 ? [self + 1] : [],
  });
  return ranked.flatMap(({ issue: hit, score }) => {
    const candidate = candidates[hit.number - 1];
    return candidate ? [{ candidate, score }] : [];
  });
}

export interface IntakeInput {
  /** The repository of the new issue, `owner/repo`: related issues there are written `#N`. */
  repo: string;
  /** Activities of the first phase, as configured (plain words for the requester). */
  activities: string[];
  /** Template questions left unanswered (from `missingTemplateAnswers`). */
  missing: string[];
  related: RelatedIssue[];
  /** Phase labels → phase names, to say where a related request stands. */
  phaseLabels: { label: string; name: string }[];
  templates: Templates;
}

/** `#12` in the same repository, `owner/repo#12` elsewhere: GitHub links both, neither notifies anyone. */
function reference(repo: string, candidate: SimilarCandidate): string {
  const safeRepo = candidate.repo.replace(/[^A-Za-z0-9_.\-/]/g, "");
  return candidate.repo === repo ? `#${candidate.number}` : `${safeRepo}#${candidate.number}`;
}

function phaseOf(labels: string[], phaseLabels: IntakeInput["phaseLabels"]): string | null {
  const names = new Map(phaseLabels.map((p) => [p.label.toLowerCase(), p.name]));
  for (const label of labels) {
    const name = names.get(label.toLowerCase());
    if (name) return name;
  }
  return null;
}

function relatedLine(input: IntakeInput, { candidate }: RelatedIssue): string {
  const { templates } = input;
  const phase = phaseOf(candidate.labels, input.phaseLabels);
  return templates.message(phase ? "intake.related.phase" : "intake.related", {
    ref: reference(input.repo, candidate),
    title: escapeInline(candidate.title),
    state: templates.message(`intake.state.${candidate.state}`),
    phase: phase ? escapeInline(phase) : "",
  });
}

/** The intake section of the card (Markdown), from `config/templates/intake.md`. */
export function renderIntake(input: IntakeInput): string {
  const { templates } = input;
  return templates.render("intake", {
    hasActivities: input.activities.length > 0,
    activities: input.activities.map(escapeInline),
    hasMissing: input.missing.length > 0,
    missing: input.missing.map(escapeInline),
    hasRelated: input.related.length > 0,
    related: input.related.map((related) => relatedLine(input, related)),
  });
}

export { missingTemplateAnswers };
