/**
 * What the labels, teams and repositories a config names are on GitHub, for `doctor` and the
 * config check: at most 3 label pages, 1 team page, 10 repositories and, for digests posted as
 * discussions, 1 read of the discussion categories; a read that fails leaves
 * its kind unjudged.
 */
import type { ProbotOctokit } from "probot";
import { type Existing, type ReferenceReader, referencesOf } from "../../config/references.js";
import type { Config } from "../../config/schema.js";
import { digestSettings } from "../../features/digest/config.js";
import type { RepoRef } from "../types.js";
import {
  DIGEST_CATEGORY_QUERY,
  type DigestCategoryResponse,
} from "./graphql/digest-delivery-category.js";

/** Labels (first 300), the organization's teams (first 100), and each named repository. */
export class OctokitReferences implements ReferenceReader {
  constructor(
    private readonly octokit: ProbotOctokit,
    private readonly onRequest: (kind: string) => void = () => {},
  ) {}

  readExisting(repo: RepoRef, config: Config): Promise<Existing> {
    return readExisting(this.octokit, repo, config, this.onRequest);
  }
}

async function readExisting(
  octokit: ProbotOctokit,
  repo: RepoRef,
  config: Config,
  count: (kind: string) => void,
): Promise<Existing> {
  const quietly = async <T>(read: () => Promise<T>): Promise<T | null> => read().catch(() => null);
  const labels = await quietly(async () => {
    const found: string[] = [];
    for (let page = 1; page <= 3; page++) {
      count("listLabels");
      const { data } = await octokit.rest.issues.listLabelsForRepo({
        ...repo,
        per_page: 100,
        page,
      });
      found.push(...data.map((l) => l.name));
      if (data.length < 100) break;
    }
    return found;
  });
  const teams =
    config.maintainers.teams.length === 0
      ? []
      : await quietly(async () => {
          count("listTeams");
          const { data } = await octokit.rest.teams.list({ org: repo.owner, per_page: 100 });
          return data.map((t) => t.slug);
        });
  const named = referencesOf(config, repo.owner).filter((r) => r.kind === "repository");
  const repositories = new Map<string, boolean>();
  for (const { value } of named.slice(0, 10)) {
    const [owner = "", name = ""] = value.split("/");
    count("getRepository");
    const readable = await octokit.rest.repos
      .get({ owner, repo: name })
      .then(() => true)
      .catch((error: { status?: number }) => (error.status === 404 ? false : null));
    if (readable !== null) repositories.set(value.toLowerCase(), readable);
  }
  const discussionCategories = await readCategories(octokit, repo, config, count);
  return { labels, teams, repositories, discussionCategories };
}

/** The categories of the repository discussion digests go to; read only for that delivery. */
async function readCategories(
  octokit: ProbotOctokit,
  repo: RepoRef,
  config: Config,
  count: (kind: string) => void,
): Promise<string[] | null> {
  const digests = config.digests ? digestSettings(config) : null;
  if (digests?.delivery !== "discussion") return null;
  const [owner = repo.owner, name = repo.repo] = digests.postTo?.split("/") ?? [];
  count("listDiscussionCategories");
  const response = await octokit
    .graphql<DigestCategoryResponse>(DIGEST_CATEGORY_QUERY, { owner, name })
    .catch(() => null);
  const nodes = response?.repository?.discussionCategories.nodes;
  return nodes ? nodes.flatMap((n) => (n ? [n.name] : [])) : null;
}
