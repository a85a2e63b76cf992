/**
 * Writes outside the reconciled issue, through real deliveries: the config check run, the config
 * issue and the squad issue of `/squad propose` go through the executor, so a dry run writes
 * nothing, a redelivery writes nothing new, and every request shows in the double's record.
 */
import { describe, expect, it } from "vitest";
import { CONFIG_ISSUE_LABEL } from "../../src/features/config-check/index.js";
import { CONFIG_PATH } from "../double/index.js";
import { startApp, type TestApp } from "../support/app.js";

const VALID = "preset: squad-journey\n";
const BROKEN = "preset: squad-journey\nnotifications:\n  transitons: false\n";

const methods = (app: TestApp) => app.github.requests.map((r) => r.method);
const configIssues = (app: TestApp) =>
  app.github.issues(app.repo).filter((i) => i.labels.includes(CONFIG_ISSUE_LABEL));

describe("the config check run", () => {
  it("is written once per commit: a redelivered push lists it and writes nothing", async () => {
    const app = await startApp({ config: VALID });
    const push = app.github
      .as(app.people.writer)
      .push(app.repo, { files: { [CONFIG_PATH]: BROKEN }, branch: "tweak" });
    await app.deliver(push);
    app.github.resetRequests();
    await app.deliver(push);
    expect(app.github.checkRuns(app.repo)).toMatchObject([
      { headSha: push.sha, conclusion: "failure" },
    ]);
    // The pushed file, then the config in force (its dry run), read fresh.
    expect(methods(app)).toEqual(["getFile", "readAhead", "listCheckRuns"]);
    expect(app.github.writeCount()).toBe(0);
  });

  it("is left unwritten in a dry run, by the app or by the config in force", async () => {
    const dry = await startApp({ config: VALID, dryRun: true });
    await dry.deliver(
      dry.github
        .as(dry.people.writer)
        .push(dry.repo, { files: { [CONFIG_PATH]: BROKEN }, branch: "tweak" }),
    );
    expect(dry.github.checkRuns(dry.repo)).toEqual([]);
    expect(dry.github.requestCount("listCheckRuns")).toBe(1);
    expect(dry.github.writeCount()).toBe(0);

    // A pull request's own config cannot switch the dry run of the default branch's off.
    const trial = await startApp({ config: `${VALID}dryRun: true\n` });
    await trial.deliver(
      trial.github
        .as(trial.people.writer)
        .openPullRequest(trial.repo, { files: { [CONFIG_PATH]: VALID } }),
    );
    expect(trial.github.checkRuns(trial.repo)).toEqual([]);
    expect(trial.github.writeCount()).toBe(0);
  });
});

describe("the config issue", () => {
  it("is opened once by a broken push, and a redelivery writes nothing new", async () => {
    const app = await startApp({ config: VALID });
    const push = app.github
      .as(app.people.writer)
      .push(app.repo, { files: { [CONFIG_PATH]: BROKEN } });
    await app.deliver(push);
    expect(configIssues(app)).toHaveLength(1);
    app.github.resetRequests();
    await app.deliver(push);
    expect(configIssues(app)).toHaveLength(1);
    expect(app.github.checkRuns(app.repo)).toHaveLength(1);
    expect(methods(app)).toEqual(["getFile", "readAhead", "listCheckRuns", "listIssuesWithLabel"]);
    expect(app.github.writeCount()).toBe(0);
  });

  it("is neither opened nor closed in a dry run", async () => {
    const app = await startApp({ config: VALID, dryRun: true });
    const broken = app.github
      .as(app.people.writer)
      .push(app.repo, { files: { [CONFIG_PATH]: BROKEN } });
    await app.deliver(broken);
    expect(configIssues(app)).toEqual([]);
    expect(methods(app)).toContain("listIssuesWithLabel");
    expect(app.github.writeCount()).toBe(0);

    // An invalid config found on first use is reported by the app, in the same dry run.
    const cold = await startApp({ config: BROKEN, dryRun: true });
    await cold.deliver(cold.github.as(cold.people.user).openIssue(cold.repo, { title: "Sync" }));
    expect(configIssues(cold)).toEqual([]);
    expect(cold.github.requestCount("listIssuesWithLabel")).toBe(1);
    expect(cold.github.writeCount()).toBe(0);
  });
});

describe("the squad issue of /squad propose", () => {
  const SQUADS = `${VALID}squads:\n  repo: medic/cht-roadmap\n  labels: [Squad]\n`;

  it("is not opened in a dry run; the list is read and nothing is written", async () => {
    const app = await startApp({ config: SQUADS, repos: ["cht-core", "cht-roadmap"] });
    const request = app.github
      .as(app.people.user)
      .openIssue(app.repo, { title: "Show sync status", labels: ["enhancement"] });
    await app.deliver(request);
    // The maintainers try a dry run from here on: the push puts it in force at once.
    const trial = { [CONFIG_PATH]: `${SQUADS}dryRun: true\n` };
    await app.deliver(app.github.as(app.people.writer).push(app.repo, { files: trial }));
    const before = app.github.botComments(request.ref).map((c) => c.body);
    app.github.resetRequests();
    await app.deliver(app.github.as(app.people.maintainer).comment(request.ref, "/squad propose"));
    expect(app.github.issues(app.repos[1] ?? app.repo)).toEqual([]);
    expect(app.github.requestCount("listIssuesWithLabel")).toBe(1);
    expect(app.github.writeCount()).toBe(0);
    expect(app.github.botComments(request.ref).map((c) => c.body)).toEqual(before);
  });
});
