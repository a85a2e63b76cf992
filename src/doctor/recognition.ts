/** Which open issues a configuration takes for feature requests, and why: shown before it acts. */
import type { Config } from "../config/schema.js";
import {
  looksLikeFeatureRequest,
  phaseLabelsIn,
  recognitionLabel,
} from "../features/squad/recognize.js";
import type { OpenIssueFacts } from "./facts.js";

interface Recognised {
  number: number;
  title: string;
  /** "phase label `Squad: Emerging`", "label `Type: Feature`", "the template's heading". */
  reason: string;
}

/** Issues listed by name; the rest are counted, so a backlog does not flood the report. */
const LISTED = 10;

function whyFeatureRequest(config: Config, issue: OpenIssueFacts): string | null {
  const phase = phaseLabelsIn(config, issue.labels)[0];
  if (phase) return `phase label \`${phase.label}\` (already tracked)`;
  if (!looksLikeFeatureRequest(config, issue.labels, issue.body)) return null;
  const label = recognitionLabel(config, issue.labels);
  return label ? `label \`${label}\`` : "the template's heading";
}

export function recognitionPreview(config: Config, issues: OpenIssueFacts[]) {
  const recognised: Recognised[] = issues.flatMap((issue) => {
    const reason = whyFeatureRequest(config, issue);
    return reason ? [{ number: issue.number, title: issue.title, reason }] : [];
  });
  const lines = recognised.slice(0, LISTED).map((r) => `#${r.number} ${r.title}: ${r.reason}`);
  if (recognised.length > LISTED) lines.push(`… and ${recognised.length - LISTED} more`);
  return { recognised, lines };
}
