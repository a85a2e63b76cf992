/** Every kind of broken config, end to end: one issue naming the problem's path, no feature changes, no crash; the org's other repositories carry on. */
import { describe, expect, it } from "vitest";
import { CONFIG_ISSUE_LABEL } from "../../src/features/config-check/index.js";
import type { RepoRef } from "../../src/github/types.js";
import { CONFIG_PATH } from "../double/index.js";
import { startApp, type TestApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const VALID = "preset: squad-journey\n";
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nYes.",
};
const PHASE = (id: string) => `  - id: ${id}\n    name: ${id}\n    description: ${id}\n`;

interface Case {
  kind: string;
  /** `.github/squad-bot.yml` of the broken repository. */
  config: string;
  /** Files of the org's `.github` repository, for `_extends`. */
  orgFiles?: Record<string, string>;
  /** What the config issue must name: the problem's path, and a word of its message. */
  expected: RegExp[];
}

const CASES: Case[] = [
  {
    kind: "bad YAML",
    config: "phases: [inception\nlabels: {",
    expected: [/YAML syntax error at line 2/],
  },
  {
    kind: "an unknown key",
    config: `${VALID}notifications:\n  transitons: false\n`,
    expected: [/at `notifications\.transitons`/, /`transitions`/],
  },
  {
    kind: "a wrong type",
    config: `${VALID}notifications:\n  maxMentions: lots\n`,
    expected: [/at `notifications\.maxMentions`: expected a number/],
  },
  {
    kind: "a value outside an enum",
    config: `${VALID}maintainers:\n  permission: owner\n`,
    expected: [/at `maintainers\.permission`: expected one of `triage`/],
  },
  {
    kind: "duplicate phase ids",
    config: `phases:\n${PHASE("idea")}${PHASE("build")}${PHASE("idea")}`,
    expected: [/at `phases\[2\]\.id`: phase id `idea` is already used/],
  },
  {
    kind: "an _extends cycle",
    config: "_extends: .github\n",
    orgFiles: { [CONFIG_PATH]: "_extends: cht-core\n" },
    expected: [/at `_extends`: `_extends` goes round in a circle/],
  },
  {
    kind: "an _extends target that does not exist",
    config: "_extends: .github:.github/nowhere.yml\n",
    orgFiles: { "README.md": "org files" },
    expected: [/at `_extends`: .*nowhere\.yml`, which does not exist/],
  },
  {
    kind: "a preset that does not exist",
    config: "preset: kanban\n",
    expected: [/at `preset`: expected one of `squad-journey`, `cht`/],
  },
  {
    kind: "a file that is a list",
    config: "- preset: cht\n- dryRun: true\n",
    expected: [/must be a mapping .* holds a list/],
  },
  {
    kind: "a scalar file",
    config: "squad-journey\n",
    expected: [/must be a mapping .* holds the text `squad-journey`/],
  },
];

function configIssues(app: TestApp, repo: RepoRef) {
  return app.github.issues(repo).filter((i) => i.labels.includes(CONFIG_ISSUE_LABEL));
}

/** Two repositories of one org; `broken` gets the bad config, `healthy` keeps a valid one. */
async function orgWith(config: string, orgFiles?: Record<string, string>) {
  const app = await startApp({ config: VALID, repos: ["cht-core", "cht-conf"] });
  const [broken, healthy] = app.repos as unknown as [RepoRef, RepoRef];
  app.github.setFile(broken, CONFIG_PATH, config);
  if (orgFiles) app.github.addRepo({ owner: app.org, repo: ".github" }, { files: orgFiles });
  return { app, broken, healthy };
}

describe("a repository with an invalid config", () => {
  it.each(CASES)("$kind: one config issue naming the problem, no feature changes", async (c) => {
    const { app, broken, healthy } = await orgWith(c.config, c.orgFiles);
    const { user, maintainer, writer } = app.people;
    const request = app.github.as(user).openIssue(broken, FEATURE);
    await app.deliver(request);
    await app.deliver(app.github.as(writer).comment(request.ref, "/interested"));
    await app.deliver(app.github.as(maintainer).addLabel(request.ref, "phase: convergence"));

    // Nothing on the feature: no card, no reply, labels as people left them.
    expect(app.github.botComments(request.ref)).toEqual([]);
    expect(app.github.labelsOf(request.ref)).toEqual(["phase: convergence"]);
    const [report, ...more] = configIssues(app, broken);
    expect(more).toEqual([]);
    expect(report?.state).toBe("open");
    for (const pattern of c.expected) expect(report?.body).toMatch(pattern);

    // Meanwhile the org's repository with a valid config keeps working.
    const other = app.github.as(user).openIssue(healthy, FEATURE);
    await app.deliver(other);
    await app.deliver(app.github.as(writer).comment(other.ref, "/interested"));
    await app.deliver(app.github.as(maintainer).comment(other.ref, "/phase convergence"));
    expect(cardState(app.github, other.ref)).toMatchObject({
      phase: "convergence",
      interested: [writer],
    });
    expect(botMessages(app.github, other.ref).some((m) => m.includes(`@${writer}`))).toBe(true);
    expect(configIssues(app, healthy)).toEqual([]);
  });

  it("treats an empty file as opting in with the default preset", async () => {
    const { app, broken } = await orgWith("");
    const request = app.github.as(app.people.user).openIssue(broken, FEATURE);
    await app.deliver(request);
    expect(cards(app.github, request.ref)).toHaveLength(1);
    expect(configIssues(app, broken)).toEqual([]);
  });

  it("does not open a second config issue for later events while the config stays invalid", async () => {
    const { app, broken } = await orgWith(CASES[1]?.config ?? "");
    for (let i = 0; i < 3; i += 1) {
      app.clock.advance({ hours: 1 });
      await app.deliver(app.github.as(app.people.user).openIssue(broken, FEATURE));
    }
    expect(configIssues(app, broken)).toHaveLength(1);
  });
});
