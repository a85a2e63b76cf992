/**
 * Intake for a new request: what happens next (the first phase's activities in plain words),
 * what the template still asks, and which earlier issues may raise the same thing.
 */

import { escapeInline } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { IntakeConfig } from "./config.js";
import { type Embedder, embeddingText, type Vector } from "./embedder.js";
import { type RelatedReason, rankRelated } from "./hybrid.js";
import type { SimilarCandidate, SimilarSearchPort } from "./port.js";
import type { IssueText } from "./rank.js";
import { searchTerms } from "./search-query.js";
import { missingTemplateAnswers } from "./template-answers.js";
import { type VectorCache, type VectorKey, vectorKey } from "./vector-cache.js";

export interface RelatedIssue {
  candidate: SimilarCandidate;
  /** Cosine to the request when a model ranked it, else 0. */
  score: number;
  /** Why it is listed; absent on cards written before reasons were kept. */
  reason?: RelatedReason;
}

/** The sentence encoder (loaded lazily, once) and where candidate vectors are kept. */
export interface SemanticRanking {
  embedder: () => Promise<Embedder | undefined>;
  cache?: VectorCache;
}

/**
 * Vectors of the request and its candidates; candidates unchanged since they were last embedded
 * come from the cache, so usually only the request is embedded. Undefined without a model.
 */
async function vectorsFor(
  semantic: SemanticRanking,
  issue: IssueText,
  candidates: SimilarCandidate[],
): Promise<{ query: Vector; candidates: Map<number, Vector> } | undefined> {
  const embedder = await semantic.embedder();
  if (!embedder) return undefined;
  const keys = candidates.map((c) => ({
    repo: c.repo,
    number: c.number,
    updatedAt: c.updatedAt ?? "",
  }));
  const cached = semantic.cache
    ? await semantic.cache.get(keys.filter((k) => k.updatedAt))
    : new Map();
  const missing = candidates.flatMap((c, i) => (cached.has(vectorKey(c)) ? [] : [i]));
  const embedded = await embedder.embed(
    [issue, ...missing.map((i) => candidates[i] as SimilarCandidate)].map(embeddingText),
  );
  const fresh = missing.map((i, j) => ({
    key: keys[i] as VectorKey,
    vector: embedded[j + 1] as Vector,
  }));
  await semantic.cache?.put(fresh.filter((f) => f.key.updatedAt));
  const byPosition = new Map<number, Vector>();
  candidates.forEach((c, i) => {
    const vector = cached.get(vectorKey(c)) ?? fresh.find((f) => f.key === keys[i])?.vector;
    if (vector) byPosition.set(i + 1, vector);
  });
  return { query: embedded[0] as Vector, candidates: byPosition };
}

/**
 * One search request, then a local re-rank: BM25F and, when the model is loaded, the meaning of
 * the titles, fused by reciprocal rank; an issue is listed when its meaning is close enough or
 * it shares enough title words (see hybrid.ts). Without a model: BM25F and shared words only.
 */
export async function findRelated(
  port: SimilarSearchPort,
  config: IntakeConfig["similar"],
  issue: { repo: string; number: number; title: string; body: string },
  semantic?: SemanticRanking,
): Promise<RelatedIssue[]> {
  const repos = config.repos.length > 0 ? config.repos : [issue.repo];
  const terms = searchTerms(issue);
  if (terms.length === 0) return [];
  const candidates = await port.searchIssues(repos, terms, config.candidates);
  // Issue numbers repeat across repositories: rank by position, map back to the candidate.
  const keyed = candidates.map((candidate, index) => ({ ...candidate, number: index + 1 }));
  const self = candidates.findIndex((c) => c.repo === issue.repo && c.number === issue.number);
  let vectors: Awaited<ReturnType<typeof vectorsFor>>;
  try {
    vectors = semantic ? await vectorsFor(semantic, issue, candidates) : undefined;
  } catch {
    // A failing model or cache costs the meaning, never the list.
    vectors = undefined;
  }
  const ranked = rankRelated(issue, keyed, {
    top: config.top,
    minCosine: config.minCosine,
    minSharedTerms: config.minSharedTerms,
    exclude: self >= 0 ? [self + 1] : [],
    ...(vectors ? { vectors } : {}),
  });
  return ranked.flatMap(({ issue: hit, reason, cosine }) => {
    const candidate = candidates[hit.number - 1];
    return candidate ? [{ candidate, score: cosine ?? 0, reason }] : [];
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

/** "open", or how it was closed when GitHub says (completed, not planned, duplicate). */
function outcomeOf(templates: Templates, candidate: SimilarCandidate): string {
  const reason = candidate.stateReason?.toLowerCase();
  if (candidate.state === "closed" && reason && OUTCOMES.has(reason)) {
    return templates.message(`intake.outcome.${reason}`);
  }
  return templates.message(`intake.state.${candidate.state}`);
}

const OUTCOMES = new Set(["completed", "not_planned", "duplicate"]);

function whyOf(templates: Templates, reason: RelatedReason | undefined): string {
  if (!reason) return "";
  if (reason.kind === "meaning") return templates.message("intake.why.meaning");
  return templates.message("intake.why.terms", {
    terms: reason.terms.map(escapeInline).join(", "),
  });
}

function relatedLine(input: IntakeInput, { candidate, reason }: RelatedIssue): string {
  const { templates } = input;
  const phase = phaseOf(candidate.labels, input.phaseLabels);
  const why = whyOf(templates, reason);
  return templates.message(`intake.related${phase ? ".phase" : ""}${why ? ".why" : ""}`, {
    ref: reference(input.repo, candidate),
    title: escapeInline(candidate.title),
    state: outcomeOf(templates, candidate),
    phase: phase ? escapeInline(phase) : "",
    why,
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
