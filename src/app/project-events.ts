/**
 * `projects_v2_item` webhooks: a person moving a feature on the roadmap board moves the feature
 * (labels and card follow); archiving, restoring and removing the item are noted on the card.
 */
import type { Context } from "probot";
import { BOARD_EVENTS, type BoardEvent, boardTrigger } from "../features/roadmap/board-move.js";
import { configFor, isOwnEvent, parsePayload } from "./delivery.js";
import { reconcileIssue } from "./issue-events.js";
import { projectItemPayload } from "./payloads.js";
import { installationOf, type Runtime } from "./runtime.js";

const isBoardEvent = (action: string): action is BoardEvent =>
  (BOARD_EVENTS as readonly string[]).includes(action);

export async function onProjectItemEvent(runtime: Runtime, context: Context): Promise<void> {
  const payload = parsePayload(projectItemPayload, context, "projects_v2_item");
  if (!payload) return;
  const { action, projects_v2_item: item, changes, sender } = payload;
  // Drafts and pull requests are not feature requests; reordering moves nothing.
  if (!isBoardEvent(action) || item.content_type !== "Issue") return;
  if (action === "edited" && !changes?.field_value) return;
  // The bot's own field writes come back as events: they must plan nothing (and cost nothing).
  if (await isOwnEvent(runtime, sender.login)) return;

  const port = runtime.deps.githubFor(context);
  const ref = await port.findIssueByNodeId(item.content_node_id);
  if (!ref) return;
  // The issue's own repository decides: one board can hold features of several repositories.
  const config = await configFor(runtime, port, ref, context.log);
  if (!config?.roadmap) return;
  const roadmap = config.roadmap;
  const lookup = await runtime.boards.get(
    port,
    installationOf(context.payload),
    roadmap,
    context.log,
  );
  // Another board of the organization, or one the bot cannot use: not this feature's roadmap.
  if (!lookup.ok || lookup.board.projectId !== item.project_node_id) return;
  const fieldId = changes?.field_value?.field_node_id;
  if (action === "edited" && fieldId && fieldId !== lookup.board.stage?.fieldId) return;
  const projectId = lookup.board.projectId;
  await reconcileIssue(runtime, context, port, config, ref, async (issue) =>
    boardTrigger({ config, roadmap, issue, projectId, event: action, actor: sender.login }),
  );
}
