/** Entry criteria of phases: which apply to a move, and whether a feature meets them now. */
import type { Config, Criterion } from "../../config/schema.js";
import { escapeInline } from "../../core/markdown.js";
import { findSection, normalizeHeading, sectionTasks } from "../../core/markdown-sections.js";
import { readMarkdown } from "../../core/markdown-tree.js";
import type { Templates } from "../../core/templates.js";
import { missingTemplateAnswers } from "../similar/template-answers.js";
import type { FeatureState } from "./state.js";

export interface CriterionResult {
  criterion: Criterion;
  met: boolean;
  /** What the criterion asks, with progress where there is some: "A squad lead is named". */
  text: string;
  /** How to meet it: "Comment `/lead @someone`". */
  fix: string;
}

export interface CriteriaInput {
  state: FeatureState;
  issueBody: string;
  /**
   * The reason given with the move being planned (null: none), before it is recorded in the
   * history. Absent when judging the phase the feature is already in, whose own note counts.
   */
  transitionNote?: string | null;
  templates: Templates;
}

export interface ChecklistProgress {
  /** The issue body has a heading with that name. */
  found: boolean;
  checked: number;
  total: number;
}

/**
 * Task-list items under the first heading named `heading`, down to the next heading as high;
 * nested items count, quoted, commented-out and code ones do not (see `core/markdown-sections`).
 */
export function checklistProgress(body: string, heading: string): ChecklistProgress {
  const document = readMarkdown(body);
  const section = findSection(document, heading);
  if (!section) return { found: false, checked: 0, total: 0 };
  const ticks = sectionTasks(document, section);
  return { found: true, checked: ticks.filter(Boolean).length, total: ticks.length };
}

function latestNote(state: FeatureState): string {
  const entry = state.history.findLast((item) => item.phase === state.phase);
  return entry?.note?.trim() ?? "";
}

/** Says a criterion's result in the words of `criterion.<key>.text` and `.fix`. */
type Say = (criterion: Criterion, met: boolean, key: string, view?: object) => CriterionResult;

const sayWith =
  (templates: Templates): Say =>
  (criterion, met, key, view = {}) => ({
    criterion,
    met,
    text: templates.message(`criterion.${key}.text`, view),
    fix: templates.message(`criterion.${key}.fix`, view),
  });

function evaluateChecklist(
  criterion: Extract<Criterion, { type: "checklist" }>,
  body: string,
  result: Say,
): CriterionResult {
  const progress = checklistProgress(body, criterion.heading);
  const heading = escapeInline(criterion.heading.trim().replace(/:$/, ""));
  if (!progress.found) return result(criterion, false, "checklist.missing", { heading });
  if (progress.total === 0) return result(criterion, false, "checklist.empty", { heading });
  // The count reads as a phrase ("3 of 5 acceptance criteria checked"); the fix names the heading.
  const view = { heading, items: heading.toLowerCase(), ...progress };
  return result(criterion, progress.checked === progress.total, "checklist", view);
}

function evaluate(criterion: Criterion, input: CriteriaInput): CriterionResult {
  const { state, templates } = input;
  const result = sayWith(templates);
  switch (criterion.type) {
    case "lead":
      return result(criterion, state.lead !== null && state.lead !== "", "lead");
    case "link": {
      const view = {
        kind: criterion.kind,
        name: templates.message(`criterion.link.name.${criterion.kind}`),
      };
      return result(criterion, Boolean(state.links[criterion.kind]?.trim()), "link", view);
    }
    case "target":
      return result(criterion, state.target !== null && state.target !== "", "target");
    case "members": {
      const count = state.members.length;
      const key = criterion.min === 1 ? "members.one" : "members.other";
      return result(criterion, count >= criterion.min, key, { min: criterion.min, count });
    }
    case "checklist":
      return evaluateChecklist(criterion, input.issueBody, result);
    case "reason": {
      // A move needs its own reason; a note given earlier was about another phase.
      const met =
        input.transitionNote !== undefined
          ? Boolean(input.transitionNote?.trim())
          : latestNote(state) !== "";
      return result(criterion, met, "reason");
    }
    case "answer": {
      const heading = escapeInline(criterion.heading.trim().replace(/:$/, ""));
      const met = missingTemplateAnswers(input.issueBody, [criterion.heading]).length === 0;
      return result(criterion, met, "answer", { heading });
    }
  }
}

/** One result per criterion, in the order given. */
export function evaluateCriteria(criteria: Criterion[], input: CriteriaInput): CriterionResult[] {
  return criteria.map((criterion) => evaluate(criterion, input));
}

/** Criteria that ask the same thing compare equal; members compare by kind only (see below). */
function criterionKey(criterion: Criterion): string {
  switch (criterion.type) {
    case "link":
      return `link:${criterion.kind}`;
    case "checklist":
      return `checklist:${normalizeHeading(criterion.heading)}`;
    case "answer":
      return `answer:${normalizeHeading(criterion.heading)}`;
    default:
      return criterion.type;
  }
}

/**
 * Identical criteria once, in first-seen order. Of several member minimums only the highest is
 * kept: "at least 2" and "at least 3" side by side would only repeat the stricter one.
 */
function dedupeCriteria(criteria: Criterion[]): Criterion[] {
  const byKey = new Map<string, Criterion>();
  for (const criterion of criteria) {
    const key = criterionKey(criterion);
    const seen = byKey.get(key);
    if (!seen) byKey.set(key, criterion);
    else if (seen.type === "members" && criterion.type === "members" && criterion.min > seen.min) {
      byKey.set(key, criterion);
    }
  }
  return [...byKey.values()];
}

/**
 * What a move from `fromPhase` to `toPhase` (phase ids) must meet: the entry criteria of every
 * phase entered on the way, so skipping ahead cannot dodge a gate. Optional phases passed over are
 * not entered, and entering one needs only its own criteria, from anywhere. Moving back along
 * the main path (or staying) needs nothing. When `fromPhase` is no longer configured,
 * only the target's own criteria apply; an unknown target needs nothing (the planner reports it).
 */
export function criteriaForEntering(
  config: Config,
  fromPhase: string,
  toPhase: string,
): Criterion[] {
  const to = config.phases.find((phase) => phase.id === toPhase);
  if (!to) return [];
  const from = config.phases.find((phase) => phase.id === fromPhase);
  if (from === to) return [];
  // An optional phase is a side exit (Sunset), not a step along the path: only its own gate.
  if (to.optional) return dedupeCriteria(to.entry);
  if (from && to.index < from.index) return [];
  const entered = config.phases
    .slice(from ? from.index + 1 : to.index, to.index + 1)
    .filter((phase) => phase === to || !phase.optional);
  return dedupeCriteria(entered.flatMap((phase) => phase.entry));
}
