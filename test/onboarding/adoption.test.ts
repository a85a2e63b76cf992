/** The backlog is adopted only on request, at a bounded rate, one notification per issue. */
import { describe, expect, it } from "vitest";
import { decodeRecord } from "../../src/features/onboarding/status.js";
import type { IssueRef } from "../../src/github/types.js";
import { cards } from "../support/cards.js";
import {
  type Installed,
  installedWithBacklog,
  nth,
  onboardingIssue,
  runOnboardingJob,
  tick,
} from "./support.js";

async function accepted(): Promise<Installed> {
  const app = await installedWithBacklog();
  await app.deliver(app.github.as(app.people.user).comment(nth(app.recent, 0), "Any news?"));
  await app.deliver(tick(app, app.people.writer, "accept"));
  await app.deliverEchoes();
  return app;
}

const carded = (app: Installed, refs: IssueRef[]) =>
  refs.filter((ref) => cards(app.github, ref).length > 0);

describe("backlog adoption", () => {
  it("a maintainer's second tick adopts the requests updated in the window, perRun at a time", async () => {
    const app = await accepted();
    expect(onboardingIssue(app).body).toContain(
      "Adopt the 80 open feature requests updated in the last 60 days",
    );
    await app.deliver(tick(app, app.people.writer, "adopt"));
    await app.deliverEchoes();
    expect(carded(app, app.recent)).toHaveLength(10);
    expect(decodeRecord(onboardingIssue(app).body)?.adopt).toMatchObject({
      adopted: 10,
      done: false,
    });
    expect(onboardingIssue(app).body).toContain("10 carded so far");

    // The scheduled runs continue where the last stopped, from what GitHub holds.
    for (let run = 0; run < 8; run++) await runOnboardingJob(app);
    expect(carded(app, app.recent)).toHaveLength(80);
    expect(decodeRecord(onboardingIssue(app).body)?.adopt).toMatchObject({
      adopted: 80,
      done: true,
    });
    expect(onboardingIssue(app).body).toContain("Adopted 80 open feature requests");

    // Quiet: each adopted issue got one comment (its card) and one label (its phase).
    for (const ref of app.recent) {
      expect(app.github.botComments(ref)).toHaveLength(1);
      expect(app.github.labelsOf(ref)).toEqual(["enhancement", "phase: inception"]);
    }
    // Outside the window, or no feature request: untouched.
    for (const ref of [...app.old, ...app.others]) expect(app.github.botComments(ref)).toEqual([]);
    const writes = app.github.writeCount();
    await runOnboardingJob(app);
    expect(app.github.writeCount()).toBe(writes);
  });

  it("takes no adoption tick from someone without write permission", async () => {
    const app = await accepted();
    app.github.addCollaborator(app.repo, "tia-triager", "write");
    const ticked = tick(app, "tia-triager", "adopt");
    app.github.addCollaborator(app.repo, "tia-triager", "triage");
    await app.deliver(ticked);
    expect(carded(app, app.recent)).toEqual([]);
    expect(onboardingIssue(app).body).toContain("- [ ] <!-- squad-bot:adopt -->");
    expect(onboardingIssue(app).body).toContain("A tick by `tia-triager` was not taken");
  });
});
