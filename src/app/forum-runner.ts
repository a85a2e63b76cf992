/**
 * The production runner of forum deliveries: the tied repository's installation (looked up once
 * with the app's JWT, then cached), a Scope over its token, and the app's forum bridge's
 * Discourse client per delivery.
 * Null when the forum bridge is off or no repository is tied to the forum.
 */
import type { Probot } from "probot";
import { type ForumWorkDeps, forumRepositoryOf, runForumDelivery } from "../bridge/forum-work.js";
import { forumEnv } from "../forum/env.js";
import { OctokitGitHub } from "../github/octokit/index.js";
import { OctokitSimilarSearch } from "../github/octokit/search-issues.js";
import type { RepoRef } from "../github/types.js";
import type { Delivery } from "../inbox/inbox.js";
import type { Runtime } from "./runtime.js";

export type ForumRunner = (delivery: Delivery) => Promise<void>;

export function forumRunner(
  runtime: Runtime,
  app: Probot,
  env: NodeJS.ProcessEnv,
  onRequest: (kind: string) => void = () => {},
): ForumRunner | null {
  const keys = forumEnv(env);
  const repo = forumRepositoryOf(env);
  // The same Discourse client the squad's forum steps get: one place builds it from the keys.
  const forumFor = runtime.deps.forumFor;
  if (!keys.ok || !forumFor) return null;
  if (!repo) {
    app.log.info(
      "squad-bot: forum events are only logged: set SQUAD_BOT_FORUM_REPOSITORY=owner/repo (README: Forum intake)",
    );
    return null;
  }
  const installations = new Map<string, number>();
  const installationOf = async (target: RepoRef): Promise<number> => {
    const key = `${target.owner}/${target.repo}`.toLowerCase();
    const known = installations.get(key);
    if (known !== undefined) return known;
    const jwt = await app.auth();
    onRequest("getRepoInstallation");
    const { data } = await jwt.rest.apps.getRepoInstallation({
      owner: target.owner,
      repo: target.repo,
    });
    installations.set(key, data.id);
    return data.id;
  };
  const counted = { onRequest };
  const deps: ForumWorkDeps = {
    repo,
    forumEnv: keys.forum,
    log: app.log,
    connect: async (target) => {
      const installation = await installationOf(target);
      const octokit = await app.auth(installation);
      const search = new OctokitSimilarSearch(octokit, counted);
      const port = new OctokitGitHub(octokit, counted);
      const scope = runtime.scope(port, app.log, installation, {
        store: runtime.deps.store,
        search,
      });
      return { scope, search };
    },
    forum: () => forumFor().port,
  };
  return (delivery) => runForumDelivery(deps, delivery);
}
