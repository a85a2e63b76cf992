/** Onboarding end to end: one issue and nothing else until a maintainer turns squad-bot on. */
import { describe, expect, it } from "vitest";
import { decodeRecord } from "../../src/features/onboarding/status.js";
import { bootApp } from "../support/app.js";
import { cards } from "../support/cards.js";
import {
  FEATURE,
  installedWithBacklog,
  nth,
  onboardingIssue,
  onboardingIssues,
  tick,
} from "./support.js";

describe("onboarding", () => {
  it("writes exactly one issue on a repository with a 120-issue backlog, and nothing else", async () => {
    const app = await installedWithBacklog();
    const event = app.github.as(app.people.user).comment(nth(app.recent, 0), "Any news?");
    await app.deliver(event);
    await app.deliverEchoes();
    expect(app.github.writeCount()).toBe(1);
    const issue = onboardingIssue(app);
    expect(issue.author).toBe(app.github.appLogin);
    expect(issue.body).toContain("80 look like feature requests");
    expect(issue.body).toContain("`#21` Request 0 (label `enhancement`)");
    expect(issue.body).toContain("… and 60 more");
    expect(issue.body).toContain("Labels it would create** when first needed: `phase: inception`");
    for (const ref of [...app.recent, ...app.old, ...app.others]) {
      expect(app.github.commentsOf(ref).filter((c) => c.author === app.github.appLogin)).toEqual(
        [],
      );
    }
    expect(app.github.labelsOf(nth(app.recent, 0))).toEqual(["enhancement"]);

    // Redelivered, and a second event on a new process: still one issue, nothing written.
    const writes = app.github.writeCount();
    await app.deliver(event);
    const restarted = await bootApp(app, app.clock, app.search, { onboarding: "github" });
    await Promise.all([
      restarted(app.github.as(app.people.user).comment(nth(app.recent, 1), "+1")),
      restarted(app.github.as(app.people.user).openIssue(app.repo, FEATURE)),
    ]);
    expect(onboardingIssues(app)).toHaveLength(1);
    expect(app.github.writeCount()).toBe(writes);
  });

  it("plans nothing before acceptance: a new request gets no card, a command no answer", async () => {
    const app = await installedWithBacklog();
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    await app.deliver(app.github.as(app.people.writer).comment(opened.ref, "/phase convergence"));
    await app.deliverEchoes();
    expect(
      app.github.commentsOf(opened.ref).filter((c) => c.author === app.github.appLogin),
    ).toEqual([]);
    expect(app.github.labelsOf(opened.ref)).toEqual(["enhancement"]);
    expect(app.github.writeCount()).toBe(1);
  });

  it("takes no tick from someone without write permission, says so once, and stays off", async () => {
    const app = await installedWithBacklog();
    await app.deliver(app.github.as(app.people.user).comment(nth(app.recent, 0), "Any news?"));
    // Their permission is read when the tick arrives: write when they ticked, triage by then.
    app.github.addCollaborator(app.repo, "tia-triager", "write");
    const ticked = tick(app, "tia-triager", "accept");
    app.github.addCollaborator(app.repo, "tia-triager", "triage");
    await app.deliver(ticked);
    await app.deliverEchoes();
    const issue = onboardingIssue(app);
    expect(decodeRecord(issue.body)).toEqual({ refused: ["tia-triager"] });
    expect(issue.body).toContain("- [ ] <!-- squad-bot:accept -->");
    expect(issue.body.match(/A tick by `tia-triager` was not taken/g)).toHaveLength(1);
    const writes = app.github.writeCount();
    await app.deliver(ticked);
    expect(app.github.writeCount()).toBe(writes);

    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    expect(cards(app.github, opened.ref)).toEqual([]);
  });

  it("a maintainer's tick turns it on: the next request gets a card, the backlog none", async () => {
    const app = await installedWithBacklog();
    await app.deliver(app.github.as(app.people.user).comment(nth(app.recent, 0), "Any news?"));
    await app.deliver(tick(app, app.people.writer, "accept"));
    await app.deliverEchoes();
    const record = decodeRecord(onboardingIssue(app).body);
    expect(record).toMatchObject({
      acceptedAt: app.clock.now().toISOString(),
      acceptedBy: app.people.writer,
    });
    expect(onboardingIssue(app).body).toContain("squad-bot is on in this repository");

    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    expect(cards(app.github, opened.ref)).toHaveLength(1);
    expect(app.github.labelsOf(opened.ref)).toContain("phase: inception");

    // A comment on a backlog request is not a reason to adopt it.
    await app.deliver(app.github.as(app.people.user).comment(nth(app.recent, 2), "Still wanted"));
    await app.deliverEchoes();
    for (const ref of [...app.recent, ...app.old]) expect(cards(app.github, ref)).toEqual([]);
  });

  it("counts a repository with cards from before onboarding as accepted, and writes no onboarding issue", async () => {
    const app = await installedWithBacklog();
    const before = await bootApp(app, app.clock, app.search, { onboarding: "accepted" });
    const carded = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await before(carded);
    expect(cards(app.github, carded.ref)).toHaveLength(1);

    // The upgraded app reads GitHub: the card says squad-bot already works here.
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    expect(cards(app.github, opened.ref)).toHaveLength(1);
    expect(onboardingIssues(app)).toEqual([]);
  });
});
