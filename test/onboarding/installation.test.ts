/** Installing the app introduces squad-bot at once: the onboarding issue, without waiting for an event. */
import { describe, expect, it } from "vitest";
import { INTRODUCED_PER_INSTALL } from "../../src/features/onboarding/feature.js";
import { example } from "../double/examples.js";
import { startApp } from "../support/app.js";
import { onboardingIssues } from "../support/onboarding.js";
import { CONFIG } from "./support.js";

function installed(event: "installation" | "installation_repositories", repos: string[]) {
  const payload = example(event, event === "installation" ? "created" : "added");
  const listed = repos.map((full_name, id) => ({ id, name: full_name.split("/")[1], full_name }));
  if (event === "installation") payload.repositories = listed;
  else payload.repositories_added = listed;
  return { id: `install-${event}`, name: event, payload };
}

describe("the installation event", () => {
  it("writes the onboarding issue in an installed repository with a config, and only there", async () => {
    const app = await startApp({ config: CONFIG, onboarding: "github" });
    const name = `${app.repo.owner}/${app.repo.repo}`;
    await app.deliver(installed("installation", [name, `${app.repo.owner}/no-config-here`]));
    expect(onboardingIssues(app)).toHaveLength(1);
    expect(app.github.writeCount()).toBe(1);
    // Redelivered, or the repository added again: still one.
    await app.deliver(installed("installation_repositories", [name]));
    expect(onboardingIssues(app)).toHaveLength(1);
  });

  it(`introduces at most ${INTRODUCED_PER_INSTALL} repositories per event`, async () => {
    const app = await startApp({ config: CONFIG, onboarding: "github" });
    const many = Array.from({ length: 30 }, (_, i) => `${app.repo.owner}/repo-${i}`);
    app.github.resetRequests();
    await app.deliver(installed("installation", many));
    const reads = app.github.requests.filter((r) => r.method === "readAhead");
    const asked = new Set(reads.map((r) => r.detail));
    expect(asked.size).toBe(INTRODUCED_PER_INSTALL);
  });
});
