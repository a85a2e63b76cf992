/** What the squad planner's tests share: a card on an issue, the planned card's state, commands. */
import type { Action } from "../../src/actions/action.js";
import { decodeMarker, encodeMarker } from "../../src/core/markers.js";
import type { CommandRequest } from "../../src/features/squad/apply-commands.js";
import type { Trigger } from "../../src/features/squad/plan.js";
import { CARD_MARKER, type FeatureState } from "../../src/features/squad/state.js";
import type { IssueSnapshot } from "../../src/github/types.js";
import { comment, issue } from "./snapshot.js";

export function withCard(
  state: FeatureState,
  labelNames: string[],
  extra: Partial<IssueSnapshot> = {},
) {
  return issue({ labelNames, comments: [comment(encodeMarker(CARD_MARKER, state))], ...extra });
}

export function stateAfter(actions: Action[]): FeatureState {
  const card = actions.find((a) => a.type === "upsertCard");
  if (card?.type !== "upsertCard") throw new Error("no card planned");
  return decodeMarker(card.body, CARD_MARKER) as FeatureState;
}

export const of = <T extends Action["type"]>(actions: Action[], type: T) =>
  actions.filter((a): a is Extract<Action, { type: T }> => a.type === type);

export function commandTrigger(
  requests: Array<Omit<CommandRequest, "occurrence"> & { occurrence?: number }>,
  login = "lead-lou",
  maintainer = false,
  commentDatabaseId = 99,
): Trigger {
  return {
    kind: "comment",
    commentId: `IC_${commentDatabaseId}`,
    commentDatabaseId,
    actor: { login, maintainer },
    commands: requests.map((r) => ({ occurrence: 1, ...r })),
  };
}
