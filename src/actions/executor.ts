/**
 * The one executor: turns a plan's actions into a single GraphQL mutation document, skipping
 * whatever GitHub already holds, so applying the same plan twice writes nothing the second time.
 */
import { decodeMarker, encodeMarker } from "../core/markers.js";
import { sameName } from "../core/names.js";
import type { GitHubPort } from "../github/port.js";
import type { IssueSnapshot, LabelRef, MutationOp, MutationResult } from "../github/types.js";
import type { Action } from "./action.js";

export const ONCE_MARKER = "once";

export interface ExecuteOptions {
  dryRun: boolean;
  /** Labels owned by other automation: never added or removed. */
  protectedLabels: string[];
  /** Colour for labels the bot has to create. */
  labelColor: string;
  /** The existing card comment, if any; upsertCard edits it in place. */
  cardCommentId: string | null;
}

export interface ExecuteResult {
  /** What was (or, in a dry run, would have been) sent. */
  ops: MutationOp[];
  results: MutationResult[];
  /** Actions that needed no write, with why. */
  skipped: string[];
  failures: string[];
}

const findLabel = (labels: LabelRef[], name: string) => labels.find((l) => sameName(l.name, name));

/** The body of a once-only comment carries its key so a re-run can see it was posted. */
export function onceBody(key: string, body: string): string {
  return `${body}\n\n${encodeMarker(ONCE_MARKER, { key })}`;
}

/** The key `onceBody` put in a body, or null; trust it only in the bot's own posts. */
export function onceKeyOf(body: string): string | null {
  const data = decodeMarker(body, ONCE_MARKER) as { key?: unknown } | undefined;
  return data && typeof data.key === "string" ? data.key : null;
}

function postedKeys(issue: IssueSnapshot): Set<string> {
  const keys = new Set<string>();
  for (const comment of issue.comments) {
    const key = comment.byThisApp ? onceKeyOf(comment.body) : null;
    if (key !== null) keys.add(key);
  }
  return keys;
}

export async function execute(
  port: GitHubPort,
  issue: IssueSnapshot,
  actions: Action[],
  options: ExecuteOptions,
): Promise<ExecuteResult> {
  const skipped: string[] = [];
  const failures: string[] = [];
  const isProtected = (name: string) => options.protectedLabels.some((p) => sameName(p, name));
  const posted = postedKeys(issue);
  const repoLabels = [...issue.repoLabels];

  const toAdd: string[] = [];
  const toRemove: LabelRef[] = [];
  const ops: MutationOp[] = [];
  const itemOps: MutationOp[] = [];
  const fieldWrites: FieldWrite[] = [];
  for (const action of actions) {
    switch (action.type) {
      case "addLabels":
        for (const name of action.labels) {
          if (isProtected(name)) skipped.push(`label "${name}" is protected`);
          else if (findLabel(issue.labels, name)) skipped.push(`label "${name}" already present`);
          else if (!toAdd.some((n) => sameName(n, name))) toAdd.push(name);
        }
        break;
      case "removeLabels":
        for (const name of action.labels) {
          const present = findLabel(issue.labels, name);
          if (isProtected(name)) skipped.push(`label "${name}" is protected`);
          else if (!present) skipped.push(`label "${name}" already absent`);
          else if (!toRemove.includes(present)) toRemove.push(present);
        }
        break;
      case "upsertCard": {
        const existing = issue.comments.find((c) => c.id === options.cardCommentId && c.byThisApp);
        if (existing?.body === action.body) skipped.push("card unchanged");
        else if (existing)
          ops.push({ op: "updateComment", commentId: existing.id, body: action.body });
        else ops.push({ op: "addComment", subjectId: issue.id, body: action.body });
        break;
      }
      case "comment":
        if (posted.has(action.key)) skipped.push(`comment "${action.key}" already posted`);
        else {
          posted.add(action.key);
          ops.push({
            op: "addComment",
            subjectId: issue.id,
            body: onceBody(action.key, action.body),
          });
        }
        break;
      case "react":
        ops.push({ op: "addReaction", subjectId: action.commentId, content: action.content });
        break;
      case "deleteComment":
        ops.push({ op: "deleteComment", commentId: action.commentId });
        break;
      case "closeIssue":
        if (issue.state === "closed") skipped.push("issue already closed");
        else
          ops.push({
            op: "closeIssue",
            issueId: issue.id,
            reason: action.reason,
            ...(action.duplicateOf ? { duplicateIssueId: action.duplicateOf } : {}),
          });
        break;
      case "addProjectItem":
        itemOps.push({ op: "addProjectItem", projectId: action.projectId, contentId: issue.id });
        break;
      case "setProjectField":
        fieldWrites.push(action);
        break;
    }
  }

  // Labels and project items are created first, in their own request, because a mutation
  // document cannot use an id created earlier in the same document; this happens once per label
  // per repository and once per issue per board.
  const missing = toAdd.filter((name) => !findLabel(repoLabels, name));
  const labelOps: MutationOp[] = missing.map((name) => ({
    op: "createLabel",
    repositoryId: issue.repositoryId,
    name,
    color: options.labelColor,
    description: "Managed by squad-bot",
  }));
  const firstOps = [...labelOps, ...itemOps];
  const allOps: MutationOp[] = [...firstOps];
  if (options.dryRun) {
    return {
      ops: [
        ...firstOps,
        ...labelWrites(issue, toAdd, toRemove, repoLabels),
        ...ops,
        ...fieldOps(fieldWrites, new Map(), failures),
      ],
      results: [],
      skipped,
      failures,
    };
  }
  const results: MutationResult[] = [];
  const newItems = new Map<string, string>();
  const raced: string[] = [];
  if (firstOps.length > 0) {
    const created = await port.mutate(firstOps);
    results.push(...created);
    created.forEach((result, index) => {
      const op = firstOps[index] as MutationOp;
      if (op.op === "addProjectItem") {
        if (result.ok && result.id) newItems.set(op.projectId, result.id);
        else if (!result.ok) failures.push(`could not add to project: ${result.error}`);
        return;
      }
      const name = missing[index] as string;
      if (result.ok && result.id) repoLabels.push({ id: result.id, name });
      else if (!result.ok && ALREADY_EXISTS.test(result.error)) raced.push(name);
      else if (!result.ok) failures.push(`could not create label "${name}": ${result.error}`);
    });
    await findRacedLabels(port, issue, raced, repoLabels, failures);
  }
  const batch = [
    ...labelWrites(issue, toAdd, toRemove, repoLabels),
    ...ops,
    ...fieldOps(fieldWrites, newItems, failures, true),
  ];
  allOps.push(...batch);
  if (batch.length > 0) {
    const written = await port.mutate(batch);
    results.push(...written);
    for (const result of written) {
      if (!result.ok) failures.push(`${result.op} failed: ${result.error}`);
    }
  }
  return { ops: allOps, results, skipped, failures };
}

/** GitHub's answer when another delivery (or a person) created the label first. */
const ALREADY_EXISTS = /already (exists|been taken)/i;

/**
 * A label another writer created since the issue was read is there to use: one read per such
 * label, instead of a failure that would drop the phase move it belongs to.
 */
async function findRacedLabels(
  port: GitHubPort,
  issue: IssueSnapshot,
  wanted: string[],
  repoLabels: LabelRef[],
  failures: string[],
): Promise<void> {
  const repo = { owner: issue.ref.owner, repo: issue.ref.repo };
  for (const name of wanted) {
    const found = await port.findLabel(repo, name).catch(() => null);
    if (found) repoLabels.push(found);
    else failures.push(`could not create label "${name}", nor find it`);
  }
}

type FieldWrite = Extract<Action, { type: "setProjectField" }>;

/** In a dry run the new item has no id yet; a placeholder shows what would be written. */
const NEW_ITEM = "(new item)";

/** Field writes; one whose item could not be added is a failure, not a write. */
function fieldOps(
  writes: FieldWrite[],
  newItems: Map<string, string>,
  failures: string[],
  needIds = false,
): MutationOp[] {
  return writes.flatMap((write): MutationOp[] => {
    const itemId = write.itemId ?? newItems.get(write.projectId) ?? (needIds ? null : NEW_ITEM);
    if (itemId === null) {
      failures.push(`could not set "${write.field}": the item was not added`);
      return [];
    }
    const { projectId, fieldId, value } = write;
    return [{ op: "setProjectField", projectId, itemId, fieldId, value }];
  });
}

function labelWrites(
  issue: IssueSnapshot,
  toAdd: string[],
  toRemove: LabelRef[],
  repoLabels: LabelRef[],
): MutationOp[] {
  const ops: MutationOp[] = [];
  const addIds = toAdd.flatMap((name) => findLabel(repoLabels, name)?.id ?? []);
  if (addIds.length > 0) ops.push({ op: "addLabels", labelableId: issue.id, labelIds: addIds });
  if (toRemove.length > 0) {
    ops.push({ op: "removeLabels", labelableId: issue.id, labelIds: toRemove.map((l) => l.id) });
  }
  return ops;
}
