/** Reads where onboarding stands in a repository: one request (`GitHubPort.loadOnboarding`). */
import type { Config } from "../../config/schema.js";
import type { GitHubPort } from "../../github/port.js";
import type { RepoRef } from "../../github/types.js";
import { ONBOARDING_LABEL, type OnboardingRead, readOnboarding } from "./status.js";

export async function loadOnboardingRead(
  port: GitHubPort,
  repo: RepoRef,
  config: Config,
): Promise<OnboardingRead> {
  const { label, cardLabels } = onboardingReadOf(config);
  return readOnboarding(await port.loadOnboarding(repo, label, cardLabels));
}

/** What the onboarding read asks for, as `config` says: the read-ahead asks the same. */
export function onboardingReadOf(config: Config): { label: string; cardLabels: string[] } {
  // A card on an issue with a phase label means squad-bot ran here before onboarding existed.
  return { label: ONBOARDING_LABEL, cardLabels: config.phases.map((phase) => phase.label) };
}
