/** What a feature's own reconcile does with links: take in another issue's people, follow a squad's phase, close as duplicate. Pure. */
import type { Action } from "../../actions/action.js";
import { personLink } from "../../core/markdown.js";
import type { Templates } from "../../core/templates.js";
import type { IssueSnapshot } from "../../github/types.js";
import type { CommandOutcome, CommandRequest } from "../squad/apply-commands.js";
import type { FeatureState } from "../squad/state.js";
import type { Trigger } from "../squad/trigger.js";
import { adoptPeople, followersOf, linkKey, linkMarkdown, sameLink, withRequest } from "./links.js";

/** Applies an `adopt` or `squadPhase` trigger; any other trigger leaves the state as it is. */
export function followLink(state: FeatureState, trigger: Trigger): FeatureState {
  if (trigger.kind === "adopt") {
    const adopted = adoptPeople(state, trigger.from, trigger.people);
    return trigger.as === "squad" ? withRequest(adopted, trigger.from) : adopted;
  }
  // Only the squad issue this request itself recorded may change what its card says.
  if (trigger.kind === "squadPhase" && state.squad && sameLink(state.squad, trigger.squad)) {
    return state.squad.phase === trigger.phase
      ? state
      : { ...state, squad: { ...state.squad, phase: trigger.phase } };
  }
  return state;
}

/**
 * Closing as a duplicate and the one reply saying so, for each `/duplicate` that was applied.
 * The reply starts "Duplicate of #N", which GitHub also reads as marking the duplicate; the close
 * names the original too when its node id is known, which is how GitHub links it natively.
 */
export function duplicateActions(
  issue: IssueSnapshot,
  state: FeatureState,
  requests: CommandRequest[],
  outcomes: CommandOutcome[],
  actor: string,
  templates: Templates,
): Action[] {
  const applied = requests.some(
    (request, i) => request.command.kind === "duplicate" && outcomes[i]?.status === "applied",
  );
  const target = state.duplicateOf;
  if (!applied || !target) return [];
  const home = `${issue.ref.owner}/${issue.ref.repo}`;
  const body = templates.message("duplicate.reply", {
    target: linkMarkdown(target, home),
    by: personLink(actor),
    count: followersOf(state, issue.author).length,
  });
  return [
    { type: "comment", key: `duplicate:${linkKey(target)}`, body },
    {
      type: "closeIssue",
      reason: "DUPLICATE",
      ...(target.nodeId ? { duplicateOf: target.nodeId } : {}),
    },
  ];
}
