/**
 * Where onboarding stands per repository, read with the config and cached per process: the
 * runtime's one gate. An acceptance never goes back, so it is kept for the process's life (no
 * request per delivery once read); a waiting repository is read again after the config's TTL,
 * or at once when this process writes its onboarding issue.
 */
import { ConfigCache } from "../config/cache.js";
import type { Config } from "../config/schema.js";
import { loadOnboardingRead } from "../features/onboarding/load.js";
import type { OnboardingStatus } from "../features/onboarding/status.js";
import type { GitHubPort } from "../github/port.js";
import type { RepoRef } from "../github/types.js";

export type OnboardingSeed = (repo: RepoRef) => OnboardingStatus | undefined;

export class OnboardingGate {
  private readonly accepted = new ConfigCache<OnboardingStatus>({
    ttlMs: Number.POSITIVE_INFINITY,
  });
  private readonly waiting: ConfigCache<OnboardingStatus>;

  constructor(
    options: { ttlMs: number; now: () => number },
    private readonly seed?: OnboardingSeed,
  ) {
    this.waiting = new ConfigCache<OnboardingStatus>(options);
  }

  async status(port: GitHubPort, repo: RepoRef, config: Config): Promise<OnboardingStatus> {
    const seeded = this.seed?.(repo);
    if (seeded) return seeded;
    const known = this.accepted.get(repo.owner, repo.repo);
    if (known) return known;
    const status = await this.waiting.getOrLoad(repo.owner, repo.repo, async () => {
      return (await loadOnboardingRead(port, repo, config)).status;
    });
    if (status.accepted) this.store(repo, status);
    return status;
  }

  /** Whether squad-bot is known to be on here: acceptance never goes back, so nothing to read. */
  knownAccepted(repo: RepoRef): boolean {
    return Boolean(this.seed?.(repo)?.accepted || this.accepted.get(repo.owner, repo.repo));
  }

  /** Whether `status` would read GitHub now: then the read-ahead carries that read. */
  needsRead(repo: RepoRef): boolean {
    if (this.seed?.(repo)) return false;
    return !this.accepted.get(repo.owner, repo.repo) && !this.waiting.get(repo.owner, repo.repo);
  }

  store(repo: RepoRef, status: OnboardingStatus): void {
    if (status.accepted) {
      this.waiting.invalidate(repo.owner, repo.repo);
      this.accepted.set(repo.owner, repo.repo, status);
    } else this.waiting.set(repo.owner, repo.repo, status);
  }
}
