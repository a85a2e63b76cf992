/**
 * The executor of `RepoAction`s: writes to issues found by listing, check runs and digest posts,
 * skipping what already holds (judged from the state each action carries), never adding a
 * protected label, and in a dry run writing nothing. It returns one outcome per action, so a
 * step that needs what a write made (the number of a new issue) reads it from there.
 */
import { sameName } from "../core/names.js";
import type { DeliveredPost, DigestDeliveryPort } from "../github/delivery-port.js";
import type { GitHubPort } from "../github/port.js";
import type {
  CheckRunReport,
  CheckRunSnapshot,
  IssueSummary,
  MutationOp,
} from "../github/types.js";
import type { RepoAction } from "./action.js";

/** What repository-level writes go through; `delivery` only for discussion and comment posts. */
export interface RepoWriters {
  port: GitHubPort;
  delivery?: DigestDeliveryPort | undefined;
}

export interface RepoExecuteOptions {
  dryRun: boolean;
  /** Labels owned by other automation: an issue is never opened with one. */
  protectedLabels?: string[];
}

export type RepoOutcome =
  /** `issue` or `post`: what an `openIssue` or `createPost` made. */
  | { status: "written"; issue?: IssueSummary; post?: DeliveredPost }
  /** A dry run: it would have been written. */
  | { status: "planned" }
  | { status: "skipped"; why: string }
  | { status: "failed"; error: string };

export interface RepoExecuteResult {
  /** One per action, in order. */
  outcomes: RepoOutcome[];
  /** What was (or, in a dry run, would have been) written, one line each. */
  writes: string[];
  skipped: string[];
  failures: string[];
}

const issueName = (issue: IssueSummary) => `#${issue.number}`;

function sameCheck(current: CheckRunSnapshot, report: CheckRunReport): boolean {
  return (
    current.conclusion === report.conclusion &&
    current.title === report.title &&
    current.summary === report.summary &&
    current.text === (report.text ?? "")
  );
}

/** The ops an `editIssue` still needs against the issue as listed; none when it already holds. */
function editOps(action: Extract<RepoAction, { type: "editIssue" }>): MutationOp[] {
  const { issue, body, close } = action;
  const ops: MutationOp[] = [];
  if (body !== undefined && body !== issue.body)
    ops.push({ op: "updateIssueBody", issueId: issue.id, body });
  if (close && issue.state === "open")
    ops.push({ op: "closeIssue", issueId: issue.id, reason: close });
  return ops;
}

/** Why the action needs no write, or null. */
function noOp(action: RepoAction): string | null {
  switch (action.type) {
    case "editIssue":
      return editOps(action).length === 0 ? `issue ${issueName(action.issue)} already so` : null;
    case "reportCheck":
      return action.current && sameCheck(action.current, action.report)
        ? `check run "${action.report.name}" unchanged`
        : null;
    case "retirePost":
      return action.post.retired ? `post ${action.post.id} already retired` : null;
    default:
      return null;
  }
}

/** One line for logs and dry runs. */
function describeRepoAction(action: RepoAction): string {
  switch (action.type) {
    case "openIssue":
      return `open issue "${action.issue.title}" in ${action.repo.owner}/${action.repo.repo}`;
    case "editIssue": {
      const parts = editOps(action).map((op) =>
        op.op === "closeIssue" ? `close (${op.reason})` : "edit body",
      );
      return `${parts.join(" and ")} of issue ${issueName(action.issue)}`;
    }
    case "reportCheck":
      return `${action.current ? "update" : "create"} check run "${action.report.name}" (${action.report.conclusion}) on ${action.report.headSha.slice(0, 7)}`;
    case "createPost":
      return `post "${action.title}" as a ${action.channel.kind}`;
    case "retirePost":
      return `retire ${action.channel} ${action.post.id} (${action.reason})`;
  }
}

async function writeOne(
  writers: RepoWriters,
  action: Exclude<RepoAction, { type: "editIssue" }>,
): Promise<RepoOutcome> {
  const { port } = writers;
  switch (action.type) {
    case "openIssue":
      return { status: "written", issue: await port.createIssue(action.repo, action.issue) };
    case "reportCheck":
      if (action.current) await port.updateCheckRun(action.repo, action.current.id, action.report);
      else await port.createCheckRun(action.repo, action.report);
      return { status: "written" };
    case "createPost": {
      const delivery = needDelivery(writers);
      const { channel, title, body } = action;
      const post =
        channel.kind === "discussion"
          ? await delivery.createDiscussion({ ...channel, title, body })
          : await delivery.addComment(channel.issueId, body);
      return { status: "written", post };
    }
    case "retirePost": {
      const delivery = needDelivery(writers);
      const edit = { id: action.post.id, body: action.body, reason: action.reason };
      if (action.channel === "discussion") await delivery.retireDiscussion(edit);
      else await delivery.retireComment(edit);
      return { status: "written" };
    }
  }
}

function needDelivery(writers: RepoWriters): DigestDeliveryPort {
  if (!writers.delivery) throw new Error("posting a discussion or comment needs a delivery port");
  return writers.delivery;
}

/**
 * Applies `actions` in order, except that issue edits are sent together as one mutation document
 * at the end. A port that throws stops the run, as in the issue executor; a failed op of the
 * batch is a failure of its action only.
 */
export async function executeRepo(
  writers: RepoWriters,
  actions: RepoAction[],
  options: RepoExecuteOptions,
): Promise<RepoExecuteResult> {
  const result: RepoExecuteResult = { outcomes: [], writes: [], skipped: [], failures: [] };
  const isProtected = (name: string) =>
    (options.protectedLabels ?? []).some((p) => sameName(p, name));
  const edits: { index: number; ops: MutationOp[] }[] = [];
  const fail = (index: number, error: string) => {
    result.outcomes[index] = { status: "failed", error };
    result.failures.push(error);
  };
  for (const [index, action] of actions.entries()) {
    const why = noOp(action);
    if (why !== null) {
      result.outcomes[index] = { status: "skipped", why };
      result.skipped.push(why);
      continue;
    }
    const guarded = action.type === "openIssue" ? action.issue.labels.find(isProtected) : undefined;
    if (guarded !== undefined) {
      fail(index, `${describeRepoAction(action)}: label "${guarded}" is protected`);
      continue;
    }
    result.writes.push(describeRepoAction(action));
    if (options.dryRun) result.outcomes[index] = { status: "planned" };
    else if (action.type === "editIssue") edits.push({ index, ops: editOps(action) });
    else result.outcomes[index] = await writeOne(writers, action);
  }
  if (edits.length === 0) return result;
  const sent = await writers.port.mutate(edits.flatMap((edit) => edit.ops));
  let at = 0;
  for (const { index, ops } of edits) {
    const errors = sent.slice(at, at + ops.length).flatMap((r) => (r.ok ? [] : [r.error]));
    at += ops.length;
    if (errors.length > 0)
      fail(
        index,
        `${describeRepoAction(actions[index] as RepoAction)} failed: ${errors.join("; ")}`,
      );
    else result.outcomes[index] = { status: "written" };
  }
  return result;
}
