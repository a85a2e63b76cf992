/** `issue_comment` webhooks: slash commands, checked against the sender's role. */
import type { Context } from "probot";
import { type CommandLine, newCommands, parseCommands } from "../commands/parse.js";
import { findSpec, handledElsewhere, suggest } from "../commands/specs.js";
import type { Config } from "../config/schema.js";
import { message } from "../core/templates.js";
import type { CommandRequest } from "../features/squad/apply-commands.js";
import { needsMaintainerCheck } from "../features/squad/apply-commands.js";
import { findCard } from "../features/squad/card-state.js";
import type { GitHubPort } from "../github/port.js";
import type { RepoPermission, RepoRef } from "../github/types.js";
import { openRepo, parsePayload } from "./delivery.js";
import { reconcileIssue } from "./issue-events.js";
import { commentPayload, repoOf } from "./payloads.js";
import type { Runtime } from "./runtime.js";
import { resolveCommandLinks } from "./squad-links.js";

const RANK: Record<RepoPermission, number> = {
  none: 0,
  read: 1,
  triage: 2,
  write: 3,
  maintain: 4,
  admin: 5,
};

export async function onCommentEvent(runtime: Runtime, context: Context): Promise<void> {
  const payload = parsePayload(commentPayload, context, "issue_comment");
  if (!payload || payload.issue.pull_request || payload.comment.user.type === "Bot") return;
  if (payload.action !== "created" && payload.action !== "edited") return;
  const body = payload.comment.body ?? "";
  const lines =
    payload.action === "edited" && payload.changes?.body
      ? newCommands(payload.changes.body.from, body)
      : parseCommands(body);
  const before =
    payload.action === "edited" ? parseCommands(payload.changes?.body?.from ?? "") : [];
  const requests = toRequests(lines, before);
  if (requests.length === 0) return;

  const repo = repoOf(payload);
  const opened = await openRepo(runtime, context, repo);
  if (!opened) return;
  const { port, config } = opened;
  const login = payload.comment.user.login;
  await reconcileIssue(
    runtime,
    context,
    port,
    config,
    { ...repo, number: payload.issue.number },
    async (issue) => {
      const state = findCard(issue.comments).card?.state ?? null;
      const maintainer = needsMaintainerCheck(state, login, requests)
        ? await isMaintainer(port, config, repo, login)
        : false;
      const actor = { login, maintainer };
      const links = await resolveCommandLinks(
        { runtime, port, config, log: context.log },
        issue,
        actor,
        requests,
        payload.comment.id,
      );
      return {
        kind: "comment",
        commentId: payload.comment.node_id,
        commentDatabaseId: payload.comment.id,
        actor,
        commands: requests,
        ...(links ? { links } : {}),
      };
    },
  );
}

/**
 * Known commands become requests; a malformed one becomes a request that is refused with the
 * parser's message; an unknown one is answered only when it looks like a typo of ours, since
 * other bots use slash commands too.
 */
function toRequests(lines: CommandLine[], before: CommandLine[]): CommandRequest[] {
  const seen = new Map<string, number>();
  for (const line of before) seen.set(line.line, (seen.get(line.line) ?? 0) + 1);
  const requests: CommandRequest[] = [];
  for (const line of lines) {
    const occurrence = (seen.get(line.line) ?? 0) + 1;
    seen.set(line.line, occurrence);
    const spec = findSpec(line.name);
    // Commands another feature runs (/quiet) cost the squad side nothing, not even a read.
    if (spec && handledElsewhere(spec.name)) continue;
    if (!spec) {
      const close = suggest(line.name);
      if (close) {
        requests.push(
          refusal(
            line,
            occurrence,
            message("refuse.unknown", { name: line.name, suggestion: close }),
          ),
        );
      }
      continue;
    }
    const result = spec.parse(line.args);
    requests.push(
      result.ok
        ? { line: line.line, occurrence, command: result.command, role: spec.role }
        : refusal(line, occurrence, result.error),
    );
  }
  return requests;
}

function refusal(line: CommandLine, occurrence: number, reason: string): CommandRequest {
  return { line: line.line, occurrence, command: { kind: "invalid", reason }, role: "anyone" };
}

export async function isMaintainer(
  port: GitHubPort,
  config: Config,
  repo: RepoRef,
  login: string,
): Promise<boolean> {
  const permission = await port.getPermission(repo, login);
  if (RANK[permission] >= RANK[config.maintainers.permission]) return true;
  for (const team of config.maintainers.teams) {
    const [org, slug] = team.includes("/") ? team.split("/", 2) : [repo.owner, team];
    if (org && slug && (await port.isTeamMember(org, slug, login))) return true;
  }
  return false;
}
