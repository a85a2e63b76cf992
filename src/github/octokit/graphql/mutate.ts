/** The batched write document: each op becomes one aliased mutation field with its own input. */
import type { MutationOp } from "../../types.js";

type OpKind = MutationOp["op"];
type OpOf<K extends OpKind> = Extract<MutationOp, { op: K }>;

interface MutationSpec<K extends OpKind> {
  field: string;
  inputType: string;
  /** The smallest selection the payload allows, or the created node's id. */
  selection: string;
  input(op: OpOf<K>): Record<string, unknown>;
  createdId?(payload: Record<string, unknown>): string | undefined;
}

interface WithId {
  id?: string;
}

const SPECS: { [K in OpKind]: MutationSpec<K> } = {
  addLabels: {
    field: "addLabelsToLabelable",
    inputType: "AddLabelsToLabelableInput",
    selection: "clientMutationId",
    input: (op) => ({ labelableId: op.labelableId, labelIds: op.labelIds }),
  },
  removeLabels: {
    field: "removeLabelsFromLabelable",
    inputType: "RemoveLabelsFromLabelableInput",
    selection: "clientMutationId",
    input: (op) => ({ labelableId: op.labelableId, labelIds: op.labelIds }),
  },
  createLabel: {
    field: "createLabel",
    inputType: "CreateLabelInput",
    selection: "label { id }",
    input: (op) => ({
      repositoryId: op.repositoryId,
      name: op.name,
      color: op.color,
      description: op.description,
    }),
    createdId: (payload) => (payload.label as WithId | null)?.id,
  },
  addComment: {
    field: "addComment",
    inputType: "AddCommentInput",
    selection: "commentEdge { node { id } }",
    input: (op) => ({ subjectId: op.subjectId, body: op.body }),
    createdId: (payload) => (payload.commentEdge as { node?: WithId | null } | null)?.node?.id,
  },
  updateComment: {
    field: "updateIssueComment",
    inputType: "UpdateIssueCommentInput",
    selection: "clientMutationId",
    input: (op) => ({ id: op.commentId, body: op.body }),
  },
  deleteComment: {
    field: "deleteIssueComment",
    inputType: "DeleteIssueCommentInput",
    selection: "clientMutationId",
    input: (op) => ({ id: op.commentId }),
  },
  addReaction: {
    field: "addReaction",
    inputType: "AddReactionInput",
    selection: "clientMutationId",
    input: (op) => ({ subjectId: op.subjectId, content: op.content }),
  },
  closeIssue: {
    field: "closeIssue",
    inputType: "CloseIssueInput",
    selection: "clientMutationId",
    input: (op) => ({
      issueId: op.issueId,
      stateReason: op.reason,
      ...(op.duplicateIssueId ? { duplicateIssueId: op.duplicateIssueId } : {}),
    }),
  },
  reopenIssue: {
    field: "reopenIssue",
    inputType: "ReopenIssueInput",
    selection: "clientMutationId",
    input: (op) => ({ issueId: op.issueId }),
  },
  updateIssueBody: {
    field: "updateIssue",
    inputType: "UpdateIssueInput",
    selection: "clientMutationId",
    input: (op) => ({ id: op.issueId, body: op.body }),
  },
  addProjectItem: {
    field: "addProjectV2ItemById",
    inputType: "AddProjectV2ItemByIdInput",
    selection: "item { id }",
    input: (op) => ({ projectId: op.projectId, contentId: op.contentId }),
    createdId: (payload) => (payload.item as WithId | null)?.id,
  },
  setProjectField: {
    field: "updateProjectV2ItemFieldValue",
    inputType: "UpdateProjectV2ItemFieldValueInput",
    selection: "clientMutationId",
    input: (op) => ({
      projectId: op.projectId,
      itemId: op.itemId,
      fieldId: op.fieldId,
      value: op.value,
    }),
  },
};

/** Sound because SPECS is keyed by kind: the spec found for `op.op` accepts exactly `op`. */
const specOf = (op: MutationOp): MutationSpec<OpKind> => SPECS[op.op] as MutationSpec<OpKind>;

/** Response key of the n-th op; GraphQL errors point back to an op through this alias. */
export const mutationAlias = (index: number): string => `m${index}`;

const inputVariable = (index: number): string => `i${index}`;

export interface MutationRequest {
  query: string;
  variables: Record<string, Record<string, unknown>>;
}

/** Inputs travel as variables, so user text (comment bodies) never becomes document text. */
export function buildMutation(ops: MutationOp[]): MutationRequest {
  const declarations: string[] = [];
  const fields: string[] = [];
  const variables: MutationRequest["variables"] = {};
  ops.forEach((op, index) => {
    const spec = specOf(op);
    const variable = inputVariable(index);
    declarations.push(`$${variable}: ${spec.inputType}!`);
    fields.push(
      `  ${mutationAlias(index)}: ${spec.field}(input: $${variable}) { ${spec.selection} }`,
    );
    variables[variable] = spec.input(op);
  });
  const query = `mutation SquadBotMutate(${declarations.join(", ")}) {\n${fields.join("\n")}\n}`;
  return { query, variables };
}

/** The id a create op made, when the op creates something and the payload carries it. */
export function createdId(op: MutationOp, payload: Record<string, unknown>): string | undefined {
  return specOf(op).createdId?.(payload);
}
