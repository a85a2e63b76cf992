/**
 * The one mapping from a webhook to the hints features react to, through the zod payload
 * schemas: a malformed payload is logged and ignored, never a crash.
 */
import type { z } from "zod";
import type { Log } from "../core/log.js";
import {
  type CommunityEventName,
  parseContribution,
  parseRelease,
} from "../features/community/payloads.js";
import type { Hint, HintKind } from "../features/hints.js";
import {
  commentPayload,
  installationPayload,
  issuePayload,
  projectItemPayload,
  pullRequestPayload,
  pushPayload,
  repoOf,
  senderPayload,
} from "./payloads.js";

/** The webhook events that can carry each kind of hint: what the app subscribes to. */
export const EVENTS_OF: Record<HintKind, readonly string[]> = {
  issue: ["issues"],
  comment: ["issue_comment"],
  contribution: ["issues", "pull_request", "pull_request_review", "issue_comment"],
  release: ["release"],
  boardItem: ["projects_v2_item"],
  push: ["push"],
  pullRequest: ["pull_request"],
  installation: ["installation", "installation_repositories"],
};

function parse<S extends z.ZodType>(schema: S, payload: unknown, event: string, log: Log) {
  const parsed = schema.safeParse(payload);
  if (parsed.success) return parsed.data as z.output<S>;
  log.warn({ issues: parsed.error.issues }, `ignored a malformed ${event} payload`);
  return null;
}

const CONTRIBUTION_EVENTS = new Set<string>(EVENTS_OF.contribution);

/** Pull request events, reviews and comments on a pull request answer on the pull request. */
function contributionOnPullRequest(event: CommunityEventName, payload: unknown): boolean {
  if (event === "issues") return false;
  if (event !== "issue_comment") return true;
  const parsed = commentPayload.safeParse(payload);
  return parsed.success && parsed.data.issue.pull_request != null;
}

/** The hints of one delivery, in the order features should see them. */
export function hintsOf(event: string, payload: unknown, log: Log): Hint[] {
  const hints: Hint[] = [];
  const own = ownHint(event, payload, log);
  if (own) hints.push(own);
  if (CONTRIBUTION_EVENTS.has(event)) {
    const name = event as CommunityEventName;
    const contribution = parseContribution(name, payload);
    if (contribution) {
      const { owner, repo } = contribution.target;
      hints.push({
        kind: "contribution",
        repo: { owner, repo },
        event: name,
        onPullRequest: contributionOnPullRequest(name, payload),
        contribution,
      });
    }
  }
  return hints;
}

function ownHint(event: string, payload: unknown, log: Log): Hint | null {
  switch (event) {
    case "issues": {
      const p = parse(issuePayload, payload, event, log);
      if (!p || p.issue.pull_request) return null;
      return {
        kind: "issue",
        repo: repoOf(p),
        number: p.issue.number,
        action: p.action,
        sender: p.sender.login,
        label: p.label?.name ?? null,
        labels: (p.issue.labels ?? []).map((l) => l.name),
        body: p.issue.body ?? "",
      };
    }
    case "issue_comment": {
      const p = parse(commentPayload, payload, event, log);
      if (!p || (p.action !== "created" && p.action !== "edited")) return null;
      return {
        kind: "comment",
        repo: repoOf(p),
        number: p.issue.number,
        onPullRequest: p.issue.pull_request != null,
        action: p.action,
        sender: p.sender.login,
        comment: {
          id: p.comment.id,
          nodeId: p.comment.node_id,
          body: p.comment.body ?? "",
          author: p.comment.user.login,
          authorIsBot: p.comment.user.type === "Bot",
        },
        previousBody: p.action === "edited" ? (p.changes?.body?.from ?? null) : null,
      };
    }
    case "release": {
      const release = parseRelease(payload);
      const sender = senderPayload.safeParse(payload);
      if (!release) return null;
      return {
        kind: "release",
        repo: release.repo,
        sender: sender.success ? sender.data.sender.login : "ghost",
        release,
      };
    }
    case "projects_v2_item": {
      const p = parse(projectItemPayload, payload, event, log);
      if (!p) return null;
      const item = p.projects_v2_item;
      return {
        kind: "boardItem",
        repo: null,
        sender: p.sender.login,
        action: p.action,
        projectNodeId: item.project_node_id,
        contentNodeId: item.content_node_id,
        contentType: item.content_type,
        fieldChange: p.changes?.field_value
          ? { fieldNodeId: p.changes.field_value.field_node_id ?? null }
          : null,
      };
    }
    case "push": {
      const p = pushPayload.safeParse(payload);
      if (!p.success || p.data.deleted) return null;
      const commits = [...p.data.commits, ...(p.data.head_commit ? [p.data.head_commit] : [])];
      return {
        kind: "push",
        repo: repoOf(p.data),
        ref: p.data.ref,
        after: p.data.after,
        defaultBranch: p.data.repository.default_branch ?? "main",
        paths: commits.flatMap((c) => [
          ...(c.added ?? []),
          ...(c.modified ?? []),
          ...(c.removed ?? []),
        ]),
      };
    }
    case "pull_request": {
      const p = pullRequestPayload.safeParse(payload);
      if (!p.success) return null;
      return {
        kind: "pullRequest",
        repo: repoOf(p.data),
        number: p.data.number,
        action: p.data.action,
        headSha: p.data.pull_request.head.sha,
      };
    }
    case "installation":
    case "installation_repositories": {
      const p = parse(installationPayload, payload, event, log);
      const added = p?.action === "created" || p?.action === "added";
      if (!p || !added) return null;
      const repos = [...(p.repositories ?? []), ...(p.repositories_added ?? [])].flatMap((r) => {
        const [owner, repo] = r.full_name.split("/");
        return owner && repo ? [{ owner, repo }] : [];
      });
      return { kind: "installation", repo: null, sender: p.sender.login, repos };
    }
    default:
      return null;
  }
}
