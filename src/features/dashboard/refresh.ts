/**
 * Takes the dashboard snapshot: features through the digest's pager, the community journey from
 * the contributor store, then keeps it in the store for the pages to read.
 */
import type { Config } from "../../config/schema.js";
import type { Templates } from "../../core/templates.js";
import type { RepoRef } from "../../github/types.js";
import { COMMUNITY_STAGES, type ContributorStore } from "../../store/types.js";
import { type DashboardSnapshot, SNAPSHOT_VERSION } from "../../web/snapshot.js";
import type { CommunityPort } from "../community/port.js";
import { StoreCommunityDigest } from "../digest/community-collector.js";
import { digestSettings } from "../digest/config.js";
import { reportedPeriod } from "../digest/period.js";
import type { DigestSource } from "../digest/source.js";
import { SnapshotCollector } from "./collect.js";
import type { DashboardConfig } from "./config.js";

export interface RefreshInput {
  config: Config;
  settings: DashboardConfig;
  source: DigestSource;
  repos: RepoRef[];
  now: Date;
  templates: Templates;
  store?: ContributorStore | undefined;
  community?: CommunityPort | undefined;
}

const isBot = (login: string) => login.toLowerCase().endsWith("[bot]");
const nameOf = (repo: RepoRef) => `${repo.owner}/${repo.repo}`;
const phaseOf = (p: Config["phases"][number]) => ({ id: p.id, name: p.name, optional: p.optional });

/** Who asked not to be named: the config's `neverMention` and everyone who said /quiet. */
async function unnamedPeople(input: RefreshInput): Promise<(login: string) => boolean> {
  const quiet = new Set(input.config.neverMention.map((l) => l.toLowerCase()));
  const orgs = [...new Set(input.repos.map((r) => r.owner.toLowerCase()))];
  for (const org of orgs) {
    for (const c of (await input.store?.listContributors({ org })) ?? []) {
      if (c.quiet) quiet.add(c.login.toLowerCase());
    }
  }
  return (login) => quiet.has(login.toLowerCase());
}

async function communityJourney(
  input: RefreshInput,
  unnamed: (login: string) => boolean,
): Promise<DashboardSnapshot["community"]> {
  const { store } = input;
  if (!store) return null;
  const orgs = [...new Set(input.repos.map((r) => r.owner.toLowerCase()))];
  const people = (await Promise.all(orgs.map((org) => store.listContributors({ org }))))
    .flat()
    .filter((c) => !isBot(c.login));
  const stages = new Map<string, number>(COMMUNITY_STAGES.map((s) => [s, 0]));
  const perMonth = new Map<string, number>();
  for (const person of people) {
    stages.set(person.stage, (stages.get(person.stage) ?? 0) + 1);
    const first = person.firstInteractionAt?.toISOString().slice(0, 7);
    if (first) perMonth.set(first, (perMonth.get(first) ?? 0) + 1);
  }
  const monthly = digestSettings(input.config).monthly;
  const digest = await new StoreCommunityDigest({
    store,
    community: input.config.community,
    ...(input.community ? { port: input.community } : {}),
    limit: monthly.listLimit,
    templates: input.templates,
  }).load(reportedPeriod("monthly", input.now, "UTC"), input.repos);
  return {
    stages: [...stages].map(([stage, count]) => ({ stage, count })),
    newPerMonth: [...perMonth]
      .sort(([a], [b]) => a.localeCompare(b))
      .slice(-12)
      .map(([key, count]) => ({ month: key, count })),
    thriving: digest.thriving.filter((t) => !unnamed(t.login)),
    goodFirstIssues: digest.goodFirstIssues.map((g) => ({ ...g, repo: nameOf(g.repo) })),
  };
}

/** Reads every repository a page (one request) at a time; one snapshot in memory. */
export async function takeSnapshot(input: RefreshInput): Promise<DashboardSnapshot> {
  const { config, settings, now } = input;
  const unnamed = await unnamedPeople(input);
  const digestLabel = config.digests ? digestSettings(config).label : null;
  const collector = new SnapshotCollector(config, settings, now, unnamed, digestLabel);
  const query = SnapshotCollector.query(config, settings, now, digestLabel);
  for (const repo of input.repos) {
    for await (const page of input.source.issues(repo, query)) {
      for (const issue of page) collector.add(issue);
    }
  }
  const reads = input.source.stats();
  return {
    version: SNAPSHOT_VERSION,
    title: settings.title,
    takenAt: now.toISOString(),
    repos: input.repos.map(nameOf),
    sections: settings.sections,
    access: settings.access,
    phases: config.phases.map(phaseOf),
    journeys: config.journeys.map((j) => ({
      id: j.id,
      name: j.name,
      phases: j.phases.map(phaseOf),
    })),
    releasePhase: settings.releasePhase,
    ...collector.result(),
    community: await communityJourney(input, unnamed),
    reads: { requests: reads.requests, cost: reads.cost },
  };
}
