/**
 * A person moving a feature on the roadmap board moves the feature (labels and card follow);
 * archiving, restoring and removing the item are noted on the card.
 */
import type { Scope } from "../feature.js";
import type { BoardItemHint } from "../hints.js";
import { reconcileFeature } from "../squad/reconcile.js";
import { BOARD_EVENTS, type BoardEvent, boardTrigger } from "./board-move.js";
import { boardsOf } from "./sync.js";

const isBoardEvent = (action: string): action is BoardEvent =>
  (BOARD_EVENTS as readonly string[]).includes(action);

/** Drafts and pull requests are not feature requests; reordering moves nothing. */
export function wantsBoardItem(hint: BoardItemHint): boolean {
  if (!isBoardEvent(hint.action) || hint.contentType !== "Issue") return false;
  return hint.action !== "edited" || hint.fieldChange !== null;
}

export async function onBoardItem(scope: Scope, hint: BoardItemHint): Promise<void> {
  const action = hint.action;
  if (!isBoardEvent(action)) return;
  const ref = await scope.port.findIssueByNodeId(hint.contentNodeId);
  if (!ref) return;
  // The issue's own repository decides: one board can hold features of several repositories.
  const config = await scope.config(ref, { number: ref.number, pullRequest: false });
  if (!config?.roadmap) return;
  const roadmap = config.roadmap;
  const lookup = await boardsOf(scope).get(scope.port, scope.installation, roadmap, scope.log);
  // Another board of the organization, or one the bot cannot use: not this feature's roadmap.
  if (!lookup.ok || lookup.board.projectId !== hint.projectNodeId) return;
  const fieldId = hint.fieldChange?.fieldNodeId;
  if (action === "edited" && fieldId && fieldId !== lookup.board.stage?.fieldId) return;
  const projectId = lookup.board.projectId;
  // The option names a phase of the issue's own journey: its mapping decides.
  await reconcileFeature(scope, config, ref, async (issue, issueConfig) =>
    boardTrigger({
      config: issueConfig,
      roadmap: issueConfig.roadmap ?? roadmap,
      issue,
      projectId,
      event: action,
      actor: hint.sender,
    }),
  );
}
