/** Pure planners of the config check: the check run on changed configs and the error issue. */
import type { RepoAction } from "../../actions/action.js";
import type { ConfigLoadResult, ConfigProblem } from "../../config/load.js";
import { CONFIG_PATH } from "../../config/parse.js";
import { code } from "../../config/problems.js";
import type { ReferenceProblem } from "../../config/references.js";
import { shortHash } from "../../core/hash.js";
import { escapeInline } from "../../core/markdown.js";
import { decodeMarker, encodeMarker } from "../../core/markers.js";
import { sameName } from "../../core/names.js";
import type { Templates } from "../../core/templates.js";
import type {
  CheckRunReport,
  CheckRunSnapshot,
  IssueSummary,
  NewIssue,
  RepoRef,
} from "../../github/types.js";

export const CHECK_NAME = "squad-bot config";
/** The label of the issue that reports an invalid configuration on the default branch. */
export const CONFIG_ISSUE_LABEL = "squad-bot: config";
const CONFIG_ERROR_MARKER = "config-error";

/** Check run summaries and issue bodies stay far below GitHub's 65,536 characters. */
const MAX_LISTED = 50;

/** Whether a push or pull request touches the repository's configuration file. */
export function configChangedIn(paths: string[]): boolean {
  return paths.includes(CONFIG_PATH);
}

/** Problem lines for a template, with how many did not fit. */
function problemLines(
  problems: ConfigProblem[],
  templates: Templates,
): { problems: string[]; more?: number } {
  const lines = problems.slice(0, MAX_LISTED).map((problem) =>
    templates.message("config.problem.item", {
      source: code(problem.source),
      where: problem.path === "" ? undefined : code(problem.path),
      message: problem.message,
    }),
  );
  const more = problems.length - lines.length;
  return more > 0 ? { problems: lines, more } : { problems: lines };
}

/** Base first: "`a`, then `b`" reads in merge order. */
const fileList = (sources: string[]): string => sources.map(code).join(", then ");

/**
 * `unknown`: values that name a label, team or repository GitHub does not have. The config is
 * still usable, so the run is neutral, not failed: a label may be created after the merge.
 */
export function renderCheckRun(
  result: ConfigLoadResult,
  sha: string,
  templates: Templates,
  unknown: ReferenceProblem[] = [],
): CheckRunReport {
  const base = { headSha: sha, name: CHECK_NAME };
  if (result.ok === "absent") {
    return {
      ...base,
      conclusion: "neutral",
      title: templates.message("config.check.title.absent"),
      summary: templates.render("config-check", { absent: true, path: CONFIG_PATH }),
    };
  }
  if (result.ok) {
    const phases = result.config.phases
      .map((phase) => `${escapeInline(phase.name)}${phase.optional ? " (optional)" : ""}`)
      .join(" → ");
    const shown = unknown.slice(0, MAX_LISTED);
    return {
      ...base,
      conclusion: unknown.length > 0 ? "neutral" : "success",
      title:
        unknown.length > 0
          ? templates.message("config.check.title.unknownNames", {
              count: unknown.length,
              one: unknown.length === 1,
            })
          : templates.message("config.check.title.valid"),
      summary: templates.render("config-check", {
        valid: true,
        preset: result.config.preset,
        files: fileList(result.sources),
        phases,
        unknown: shown.map((p) =>
          templates.message("config.problem.reference", {
            where: code(p.path),
            message: p.message,
          }),
        ),
        unknownMore: unknown.length > shown.length ? unknown.length - shown.length : null,
      }),
    };
  }
  const count = result.problems.length;
  return {
    ...base,
    conclusion: "failure",
    title: templates.message("config.check.title.invalid", { count, one: count === 1 }),
    summary: templates.render("config-check", {
      invalid: true,
      files: fileList(result.sources),
      ...problemLines(result.problems, templates),
    }),
  };
}

/**
 * The commit's check run for `result`: the app's newest run of that name is updated in place (or
 * left alone when it already says the same, as after a redelivery); without one, a new run.
 */
export function planCheckRun(
  repo: RepoRef,
  result: ConfigLoadResult,
  sha: string,
  runs: CheckRunSnapshot[],
  appLogin: string,
  templates: Templates,
  unknown: ReferenceProblem[] = [],
): { actions: RepoAction[] } {
  const current = runs.find((run) => sameName(run.author, appLogin)) ?? null;
  const report = renderCheckRun(result, sha, templates, unknown);
  return { actions: [{ type: "reportCheck", repo, report, current }] };
}

/** Same problems, same hash: a redelivered push leaves the issue body alone. */
export function problemsHash(problems: ConfigProblem[]): string {
  const canonical = problems.map(({ source, path, message: text }) => [source, path, text]);
  return shortHash(JSON.stringify(canonical));
}

export type ConfigIssuePlan =
  | { kind: "create"; issue: NewIssue }
  | { kind: "update"; issueId: string; body: string }
  | { kind: "close"; issueId: string }
  | { kind: "none" };

/** REST names apps `name[bot]`, GraphQL `name`: both are the same author. */
const loginKey = (login: string): string => login.toLowerCase().replace(/\[bot\]$/, "");

/** What the kept issue last said: the hash of its problems and those found while running. */
function reportedIn(issue: IssueSummary | undefined): { hash: unknown; running: string[] } {
  const marker = issue ? decodeMarker(issue.body, CONFIG_ERROR_MARKER) : undefined;
  if (typeof marker !== "object" || marker === null) return { hash: undefined, running: [] };
  const running = "running" in marker && Array.isArray(marker.running) ? marker.running : [];
  return {
    hash: "hash" in marker ? marker.hash : undefined,
    running: running.filter((p): p is string => typeof p === "string"),
  };
}

/**
 * The next step towards "one open issue by this app while the default branch's configuration is
 * invalid or something it names cannot be used, none otherwise". `existing` are the open issues
 * with CONFIG_ISSUE_LABEL; only those written by `appLogin` count. With several (two deliveries
 * raced), the oldest is kept and the others are closed one step at a time: apply a step and plan
 * again until "none". `running`: the problems found while running now; absent, the kept issue's
 * own list stands (a config push does not know whether the board was fixed).
 */
export function planConfigErrorIssue(
  result: ConfigLoadResult,
  existing: IssueSummary[],
  appLogin: string,
  templates: Templates,
  running?: string[],
): ConfigIssuePlan {
  const ours = existing
    .filter((issue) => issue.state === "open" && loginKey(issue.author) === loginKey(appLogin))
    .sort((a, b) => a.number - b.number);
  const [kept, ...duplicates] = ours;
  const reported = reportedIn(kept);
  const runningNow = (running ?? reported.running).slice(0, MAX_LISTED);
  const invalid = result.ok === false ? result : null;
  if (!invalid && runningNow.length === 0) {
    return kept ? { kind: "close", issueId: kept.id } : { kind: "none" };
  }

  const hash = shortHash(
    JSON.stringify([invalid ? problemsHash(invalid.problems) : null, runningNow]),
  );
  const body = templates.render("config-error", {
    invalid: invalid !== null,
    files: invalid ? fileList(invalid.sources) : "",
    marker: encodeMarker(CONFIG_ERROR_MARKER, { hash, running: runningNow }),
    ...(invalid ? problemLines(invalid.problems, templates) : { problems: [] }),
    hasRunning: runningNow.length > 0,
    running: runningNow,
  });
  if (!kept) {
    const title = templates.message(invalid ? "config.issue.title" : "config.issue.title.running");
    const issue = { title, body, labels: [CONFIG_ISSUE_LABEL] };
    return { kind: "create", issue };
  }
  if (reported.hash !== hash) return { kind: "update", issueId: kept.id, body };
  const duplicate = duplicates[0];
  return duplicate ? { kind: "close", issueId: duplicate.id } : { kind: "none" };
}

export interface ConfigHealthPlan {
  /** The steps `planConfigErrorIssue` took, in order. */
  steps: ConfigIssuePlan[];
  actions: RepoAction[];
}

/**
 * Every step towards the one error issue at once: each step is applied to a copy of `existing`
 * and planned again until nothing is left; the bound is a safety net.
 */
export function planConfigHealth(
  repo: RepoRef,
  result: ConfigLoadResult,
  existing: IssueSummary[],
  appLogin: string,
  templates: Templates,
  running?: string[],
): ConfigHealthPlan {
  let issues = existing;
  const plan: ConfigHealthPlan = { steps: [], actions: [] };
  for (let round = 0; round <= existing.length + 1; round++) {
    const step = planConfigErrorIssue(result, issues, appLogin, templates, running);
    if (step.kind === "none") break;
    plan.steps.push(step);
    if (step.kind === "create") {
      plan.actions.push({ type: "openIssue", repo, issue: step.issue });
      break;
    }
    const issue = issues.find((i) => i.id === step.issueId) as IssueSummary;
    if (step.kind === "update") {
      plan.actions.push({ type: "editIssue", issue, body: step.body });
      issues = issues.map((i) => (i === issue ? { ...i, body: step.body } : i));
    } else {
      plan.actions.push({ type: "editIssue", issue, close: "COMPLETED" });
      issues = issues.filter((i) => i !== issue);
    }
  }
  return plan;
}
