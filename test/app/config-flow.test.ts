/** The config's life through real deliveries: checks on commits, one report while invalid, no changes meanwhile. */
import { describe, expect, it } from "vitest";
import { CONFIG_ISSUE_LABEL } from "../../src/features/config-check/index.js";
import { CONFIG_PATH } from "../double/index.js";
import { startApp, type TestApp } from "../support/app.js";
import { cards } from "../support/cards.js";

const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};
const BROKEN = "preset: squad-journey\nnotifications:\n  transitons: false\n";

function configIssues(app: TestApp) {
  return app.github.issues(app.repo).filter((i) => i.labels.includes(CONFIG_ISSUE_LABEL));
}

describe("config checks", () => {
  it("reports a check run on the commit that changes the config, with the problem's path", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const push = app.github
      .as(app.people.writer)
      .push(app.repo, { files: { [CONFIG_PATH]: BROKEN }, branch: "tweak" });
    await app.deliver(push);
    const [run] = app.github.checkRuns(app.repo);
    expect(run).toMatchObject({
      headSha: push.sha,
      conclusion: "failure",
      name: "squad-bot config",
    });
    expect(run?.summary).toContain("notifications.transitons");
    expect(run?.summary).toContain("transitions");
  });

  it("checks a pull request that changes the config, and ignores one that does not", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    await app.deliver(
      app.github.as(app.people.writer).openPullRequest(app.repo, { files: { "src/app.js": "x" } }),
    );
    expect(app.github.checkRuns(app.repo)).toEqual([]);
    const pr = app.github
      .as(app.people.writer)
      .openPullRequest(app.repo, { files: { [CONFIG_PATH]: "preset: cht\n" } });
    await app.deliver(pr);
    // Valid, but this repository has none of the cht labels yet: neutral, and named.
    const [run] = app.github.checkRuns(app.repo);
    expect(run).toMatchObject({ headSha: pr.headSha, conclusion: "neutral" });
    expect(run?.summary).toContain("`recognize.labels[0]`: `Type: Feature` is not a label");
  });

  it("names a mistyped label with the one it probably meant, and passes once fixed", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    app.github.createLabel(app.repo, "Type: Feature");
    const typo = 'preset: squad-journey\nrecognize:\n  labels: ["Type: Featur"]\n';
    const pr = app.github
      .as(app.people.writer)
      .openPullRequest(app.repo, { files: { [CONFIG_PATH]: typo } });
    await app.deliver(pr);
    const [run] = app.github.checkRuns(app.repo);
    expect(run).toMatchObject({ conclusion: "neutral" });
    expect(run?.title).toContain("names 1 thing GitHub does not have");
    expect(run?.summary).toContain("did you mean `Type: Feature`?");

    const fixed = app.github.as(app.people.writer).openPullRequest(app.repo, {
      files: { [CONFIG_PATH]: typo.replace("Featur", "Feature") },
    });
    await app.deliver(fixed);
    const runs = app.github.checkRuns(app.repo).filter((r) => r.headSha === fixed.headSha);
    expect(runs).toMatchObject([{ conclusion: "success" }]);
  });
});

describe("an invalid config on the default branch", () => {
  it("stops all changes, says so once in one issue, and closes it when fixed", async () => {
    const app = await startApp({ config: BROKEN });
    const first = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(first);
    const second = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(second);
    await app.deliver(app.github.as(app.people.maintainer).addLabel(second.ref, "phase: building"));
    expect(cards(app.github, first.ref)).toEqual([]);
    expect(app.github.labelsOf(second.ref)).toEqual(["phase: building"]);
    expect(configIssues(app)).toHaveLength(1);
    expect(configIssues(app)[0]?.body).toContain("notifications.transitons");

    await app.deliver(
      app.github
        .as(app.people.writer)
        .push(app.repo, { files: { [CONFIG_PATH]: "preset: squad-journey\n" } }),
    );
    expect(configIssues(app).map((i) => i.state)).toEqual(["closed"]);
    await app.deliver(
      app.github.as(app.people.user).editBody(first.ref, `${FEATURE.body}\nMore detail.`),
    );
    expect(cards(app.github, first.ref)).toHaveLength(1);
  });

  it("does nothing at all for a repository without a config", async () => {
    const app = await startApp();
    const opened = app.github.as(app.people.user).openIssue(app.repo, FEATURE);
    await app.deliver(opened);
    expect(app.github.botComments(opened.ref)).toEqual([]);
    expect(app.github.writeCount()).toBe(0);
  });

  it("uses the organization's defaults from the .github repository", async () => {
    const app = await startApp({ orgConfig: "preset: cht\n" });
    const opened = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Improve sync", body: "", labels: ["Type: Feature"] });
    await app.deliver(opened);
    expect(app.github.labelsOf(opened.ref)).toContain("Squad: Emerging");
  });
});
