/** A ready-made world for feature tests: org "medic", its repositories, people of each standing. */
import type { IssueRef, RepoRef } from "../../src/github/types.js";
import { MemoryGitHub } from "./memory-github.js";

export const CONFIG_PATH = ".github/squad-bot.yml";

export interface WorldOptions {
  /** Defaults to "squad-bot[bot]". */
  appLogin?: string;
  /** Repositories of "medic"; defaults to ["cht-core"]. The first is `world.repo`. */
  repos?: string[];
  /** People given triage on every repository, besides `people.maintainer`. */
  maintainers?: string[];
  /** Text of `.github/squad-bot.yml`, installed in every repository; none when omitted. */
  config?: string;
  /** Text of `.github/squad-bot.yml` in the org-wide `medic/.github` repository. */
  orgConfig?: string;
  now?: () => Date;
}

/** One person per standing, so permission rules are tested against realistic people. */
const PEOPLE = {
  /** Organization owner: admin everywhere without being a collaborator. */
  owner: "olga-owner",
  /** Triage on every repository, member of team "maintainers". */
  maintainer: "mia-maintainer",
  /** Write on every repository. */
  writer: "wes-writer",
  /** No permission: a newcomer or community member. */
  user: "uma-user",
} as const;

export interface World {
  github: MemoryGitHub;
  org: string;
  /** The first repository, `medic/cht-core` by default. */
  repo: RepoRef & { id: string };
  repos: (RepoRef & { id: string })[];
  people: typeof PEOPLE;
  /** Every login with triage: `people.maintainer` first, then `options.maintainers`. */
  maintainers: string[];
  /** The ref of issue `number` in `world.repo`. */
  issue(number: number): IssueRef;
}

export function createWorld(options: WorldOptions = {}): World {
  const github = new MemoryGitHub({
    appLogin: options.appLogin ?? "squad-bot[bot]",
    ...(options.now ? { now: options.now } : {}),
  });
  const org = "medic";
  const maintainers = [PEOPLE.maintainer, ...(options.maintainers ?? [])];
  github.addOrg(org, { owners: [PEOPLE.owner] });
  github.addTeam(org, "maintainers", maintainers);
  const configFiles = options.config === undefined ? undefined : { [CONFIG_PATH]: options.config };
  const repos = (options.repos ?? ["cht-core"]).map((name) => {
    const repo = github.addRepo(
      { owner: org, repo: name },
      configFiles ? { files: configFiles } : {},
    );
    for (const login of maintainers) github.addCollaborator(repo, login, "triage");
    github.addCollaborator(repo, PEOPLE.writer, "write");
    return repo;
  });
  if (options.orgConfig !== undefined) {
    github.addRepo(
      { owner: org, repo: ".github" },
      { files: { [CONFIG_PATH]: options.orgConfig } },
    );
  }
  const [repo] = repos;
  if (!repo) throw new Error("createWorld needs at least one repository");
  return {
    github,
    org,
    repo,
    repos,
    people: PEOPLE,
    maintainers,
    issue: (number) => ({ owner: repo.owner, repo: repo.repo, number }),
  };
}

/** A clock tests move by hand, for anything that depends on how long ago something happened. */
export function manualClock(start = "2026-01-05T09:00:00Z") {
  let current = new Date(start).getTime();
  return {
    now: (): Date => new Date(current),
    advance(by: { days?: number; hours?: number; minutes?: number; seconds?: number }): void {
      const seconds =
        (by.days ?? 0) * 86_400 +
        (by.hours ?? 0) * 3_600 +
        (by.minutes ?? 0) * 60 +
        (by.seconds ?? 0);
      current += seconds * 1000;
    },
    set(at: string): void {
      current = new Date(at).getTime();
    },
  };
}
