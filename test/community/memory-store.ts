/** An in-memory CommunityStore with the real store's promises: events deduplicated, claims once. */
import { COUNT_OF } from "../../src/features/community/milestones.js";
import {
  type CommunityContributor,
  type CommunityStore,
  type ContributionCounts,
  type ContributionEvent,
  type RecordResult,
  type WelcomeKind,
  ZERO_COUNTS,
} from "../../src/features/community/store.js";

/** Lets concurrent callers interleave at every call, as they would around a database round trip. */
const tick = () => new Promise<void>((resolve) => setImmediate(resolve));

const person = (org: string, login: string) => `${org}/${login}`.toLowerCase();

export class MemoryCommunityStore implements CommunityStore {
  readonly events = new Map<string, ContributionEvent>();
  readonly contributors = new Map<string, CommunityContributor>();
  readonly welcomes = new Map<string, string>();
  readonly milestones = new Map<string, string | undefined>();
  readonly stageHistory: { login: string; stage: string; reason?: string | undefined }[] = [];
  calls = 0;

  private ensure(org: string, login: string): CommunityContributor {
    const key = person(org, login);
    let found = this.contributors.get(key);
    if (!found) {
      found = {
        login,
        counts: { ...ZERO_COUNTS },
        stage: "initial-interaction",
        quiet: false,
        lastContributionAt: null,
      };
      this.contributors.set(key, found);
    }
    return found;
  }

  /** Test set-up: a person with counts, a stage or quiet already stored. */
  seed(org: string, login: string, patch: Partial<CommunityContributor>): void {
    Object.assign(this.ensure(org, login), patch);
  }

  async recordContribution(event: ContributionEvent): Promise<RecordResult> {
    await tick();
    this.calls++;
    const contributor = this.ensure(event.org, event.login);
    const id = `${event.githubId}:${event.kind}`;
    if (this.events.has(id)) return { inserted: false, counts: { ...contributor.counts } };
    this.events.set(id, event);
    contributor.counts[COUNT_OF[event.kind]] += 1;
    if (!contributor.lastContributionAt || contributor.lastContributionAt < event.at) {
      contributor.lastContributionAt = event.at;
    }
    return { inserted: true, counts: { ...contributor.counts } };
  }

  async claimWelcome(org: string, login: string, kind: WelcomeKind, url: string) {
    await tick();
    this.calls++;
    const key = `${person(org, login)}:${kind}`;
    const claimed = this.welcomes.get(key);
    if (claimed !== undefined) return claimed === url;
    this.welcomes.set(key, url);
    return true;
  }

  async recordMilestone(org: string, login: string, milestone: string, _at?: Date, url?: string) {
    await tick();
    this.calls++;
    const key = `${person(org, login)}:${milestone}`;
    if (this.milestones.has(key)) return url !== undefined && this.milestones.get(key) === url;
    this.milestones.set(key, url);
    return true;
  }

  async setStage(org: string, login: string, stage: string, options?: { reason?: string }) {
    await tick();
    this.calls++;
    const contributor = this.ensure(org, login);
    if (contributor.stage === stage) return false;
    contributor.stage = stage;
    this.stageHistory.push({ login, stage, reason: options?.reason });
    return true;
  }

  async setQuiet(org: string, login: string, quiet: boolean) {
    await tick();
    this.calls++;
    this.ensure(org, login).quiet = quiet;
  }

  async getContributor(org: string, login: string) {
    await tick();
    this.calls++;
    const found = this.contributors.get(person(org, login));
    return found ? structuredClone(found) : null;
  }

  async listContributors(query: { org: string; stage?: string }) {
    await tick();
    this.calls++;
    return [...this.contributors.entries()]
      .filter(([key]) => key.startsWith(`${query.org.toLowerCase()}/`))
      .map(([, c]) => c)
      .filter((c) => query.stage === undefined || c.stage === query.stage)
      .map((c) => structuredClone(c));
  }

  async countsSince(org: string, login: string, since: Date): Promise<ContributionCounts> {
    await tick();
    this.calls++;
    const counts = { ...ZERO_COUNTS };
    for (const event of this.events.values()) {
      if (person(event.org, event.login) === person(org, login) && event.at >= since) {
        counts[COUNT_OF[event.kind]] += 1;
      }
    }
    return counts;
  }
}
