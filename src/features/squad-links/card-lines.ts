/** The card's lines about linked issues: duplicate of, squad issue and its phase, requests. Pure. */

import { escapeInline } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { FeatureState } from "../squad/state.js";
import { linkMarkdown } from "./links.js";

/** Ready-to-print list items, empty for a feature without links (its card keeps its text). */
export function linkLines(state: FeatureState, templates: Templates, home?: string): string[] {
  const lines: string[] = [];
  if (state.duplicateOf) {
    lines.push(
      templates.message("card.link.duplicateOf", { issue: linkMarkdown(state.duplicateOf, home) }),
    );
  }
  if (state.squad) {
    const issue = linkMarkdown(state.squad, home);
    lines.push(
      state.squad.phase
        ? templates.message("card.link.squadPhase", {
            issue,
            phase: escapeInline(state.squad.phase),
          })
        : templates.message("card.link.squad", { issue }),
    );
  }
  if (state.requests && state.requests.length > 0) {
    const issues = state.requests.map((r) => linkMarkdown(r, home)).join(", ");
    lines.push(templates.message("card.link.requests", { issues }));
  }
  return lines;
}
