/**
 * What a plan asks for, in the domain's words. Planners return these as data; the executor
 * (`actions/executor.ts`) turns them into one batched mutation, skipping what is already true.
 */
import type { CloseReason, ProjectFieldInput, ReactionContent } from "../github/types.js";

export type Action =
  | { type: "addLabels"; labels: string[] }
  | { type: "removeLabels"; labels: string[] }
  /** Create the card, or edit it in place when it exists. */
  | { type: "upsertCard"; body: string }
  /** A comment posted once: `key` is kept in a hidden marker and checked before posting. */
  | { type: "comment"; key: string; body: string }
  | { type: "react"; commentId: string; content: ReactionContent }
  | { type: "deleteComment"; commentId: string; why: string }
  /** `duplicateOf`: with reason DUPLICATE, the node id of the issue GitHub shows as the original. */
  | { type: "closeIssue"; reason: CloseReason; duplicateOf?: string }
  /** Put the issue on a project board (the item's id is then known to later field writes). */
  | { type: "addProjectItem"; projectId: string }
  /** `itemId` null: the item `addProjectItem` creates in the same plan. `field` names it for logs. */
  | {
      type: "setProjectField";
      projectId: string;
      itemId: string | null;
      fieldId: string;
      field: string;
      value: ProjectFieldInput;
    };
