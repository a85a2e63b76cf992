/**
 * Why an open issue is a feature request to a configuration, before the bot has done anything:
 * the shared core of `doctor`'s recognition check and the onboarding issue's preview, which word
 * the reasons each in their own place.
 */
import type { Config } from "../../config/schema.js";
import { looksLikeFeatureRequest, phaseLabelsIn, recognitionLabel } from "./recognize.js";

export type RecognitionReason =
  /** A person already gave it a phase label: it is tracked. */
  { kind: "phase"; label: string } | { kind: "label"; label: string } | { kind: "template" };

export interface IssueToRecognise {
  number: number;
  title: string;
  labels: string[];
  body: string;
}

export interface RecognisedIssue {
  number: number;
  title: string;
  reason: RecognitionReason;
}

export function recognitionReason(
  config: Config,
  issue: Pick<IssueToRecognise, "labels" | "body">,
): RecognitionReason | null {
  const phase = phaseLabelsIn(config, issue.labels)[0];
  if (phase) return { kind: "phase", label: phase.label };
  if (!looksLikeFeatureRequest(config, issue.labels, issue.body)) return null;
  const label = recognitionLabel(config, issue.labels);
  return label ? { kind: "label", label } : { kind: "template" };
}

/** The issues `config` takes for feature requests, in the order given, each with its reason. */
export function recognisedIssues(config: Config, issues: IssueToRecognise[]): RecognisedIssue[] {
  return issues.flatMap((issue) => {
    const reason = recognitionReason(config, issue);
    return reason ? [{ number: issue.number, title: issue.title, reason }] : [];
  });
}
