/** Which open issues a configuration takes for feature requests, and why: shown before it acts. */
import type { Config } from "../config/schema.js";
import { type RecognitionReason, recognisedIssues } from "../features/squad/recognition-preview.js";
import type { OpenIssueFacts } from "./facts.js";

/** Issues listed by name; the rest are counted, so a backlog does not flood the report. */
const LISTED = 10;

/** Why an issue is a feature request, in a line of plain text (doctor, `squad-bot adopt`). */
export function reasonText(reason: RecognitionReason): string {
  switch (reason.kind) {
    case "phase":
      return `phase label \`${reason.label}\` (already tracked)`;
    case "label":
      return `label \`${reason.label}\``;
    case "template":
      return "the template's heading";
  }
}

export function recognitionPreview(config: Config, issues: OpenIssueFacts[]) {
  const recognised = recognisedIssues(config, issues);
  const lines = recognised
    .slice(0, LISTED)
    .map((r) => `#${r.number} ${r.title}: ${reasonText(r.reason)}`);
  if (recognised.length > LISTED) lines.push(`… and ${recognised.length - LISTED} more`);
  return { recognised, lines };
}
