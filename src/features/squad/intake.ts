/** The intake section of a new request's card: what happens next, what the template still asks, related issues. */
import type { Config } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSnapshot } from "../../github/types.js";
import type { RelatedReason } from "../similar/hybrid.js";
import { missingTemplateAnswers, type RelatedIssue, renderIntake } from "../similar/intake.js";
import type { RelatedCandidate } from "../similar/related.js";
import type { FeatureState } from "./state.js";

/** Related issues as the card remembers them: enough to list them, no bodies. */
export function relatedOf(related: RelatedCandidate[] | undefined): Pick<FeatureState, "related"> {
  if (!related) return {};
  return {
    related: related.map(({ repo, number, title, state, labels, stateReason, reason }) => ({
      repo,
      number,
      title,
      state,
      labels,
      ...(stateReason ? { stateReason } : {}),
      ...(reason ? { why: reason.kind === "terms" ? reason.terms : [] } : {}),
    })),
  };
}

const reasonOf = (why: string[]): RelatedReason =>
  why.length > 0 ? { kind: "terms", terms: why } : { kind: "meaning" };

const questionText = (q: NonNullable<Config["intake"]>["questions"][number]) =>
  typeof q === "string" ? q : q.question;

/**
 * Shown while the request is in its first phase. Only questions whose heading the issue carries
 * are listed when unanswered: a request written freely is not asked to fill in a form, and a
 * repository with several templates (CHT's feature and improvement) asks only its own questions.
 */
export function intakeSection(
  config: Config,
  issue: IssueSnapshot,
  state: FeatureState,
  templates: Templates,
): string | null {
  const first = config.phases[0];
  if (!config.intake || !first || state.phase !== first.id) return null;
  const questions = config.intake.questions;
  const body = issue.body.toLowerCase();
  const asked = questions.filter((q) => body.includes(questionText(q).toLowerCase()));
  return renderIntake({
    repo: `${issue.ref.owner}/${issue.ref.repo}`,
    activities: first.activities,
    missing: missingTemplateAnswers(issue.body, asked),
    related: (state.related ?? []).map(({ why, ...kept }): RelatedIssue => {
      const candidate = { ...kept, body: "" };
      return why ? { candidate, score: 0, reason: reasonOf(why) } : { candidate, score: 0 };
    }),
    phaseLabels: config.phases.map((p) => ({ label: p.label, name: p.name })),
    templates,
  });
}
