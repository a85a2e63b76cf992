/** The onboarding planner and its reading of GitHub: pure, table by table. */
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import { planOnboarding, tickedBoxes } from "../../src/features/onboarding/plan.js";
import { readOnboarding } from "../../src/features/onboarding/status.js";
import type { AppIssueSummary, OnboardingSnapshot } from "../../src/github/types.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";

const REPO = { owner: "medic", repo: "cht-core" };
const NOW = new Date("2026-06-01T10:00:00Z");

const issue = (number: number, record: object | null, byThisApp = true): AppIssueSummary => ({
  id: `I_${number}`,
  number,
  title: "squad-bot onboarding",
  body: record ? encodeMarker("onboarding", record) : "no marker",
  state: "open",
  author: byThisApp ? "squad-bot[bot]" : "mallory",
  createdAt: `2026-05-0${number}T10:00:00Z`,
  byThisApp,
});
const snapshot = (issues: AppIssueSummary[], cardFound = false): OnboardingSnapshot => ({
  repositoryId: "R_1",
  issues,
  cardFound,
  labels: [],
});
const ACCEPTED = { acceptedAt: "2026-05-02T10:00:00Z", acceptedBy: "wes" };

describe("tickedBoxes", () => {
  it.each([
    ["- [x] <!-- squad-bot:accept -->Turn it on", ["accept"]],
    ["  * [X] <!-- squad-bot:adopt -->Adopt", ["adopt"]],
    ["- [ ] <!-- squad-bot:accept -->Turn it on", []],
    ["> - [x] <!-- squad-bot:accept -->quoted", []],
    ["- [x] Turn it on <!-- squad-bot:accept -->", []],
  ])("%j ticks %j", (body, boxes) => {
    expect([...tickedBoxes(body)]).toEqual(boxes);
  });
});

describe("readOnboarding", () => {
  it.each([
    ["nothing", [], false, { accepted: false, how: null, issue: null }],
    [
      "an issue a person wrote, with the marker",
      [issue(1, ACCEPTED, false)],
      false,
      { accepted: false, issue: null },
    ],
    ["the app's waiting issue", [issue(1, {})], false, { accepted: false, issue: 1 }],
    [
      "the app's accepted issue",
      [issue(1, {}), issue(2, ACCEPTED)],
      false,
      { accepted: true, how: "tick", issue: 2, activatedAt: ACCEPTED.acceptedAt },
    ],
    ["cards from before onboarding", [], true, { accepted: true, how: "cards", activatedAt: null }],
  ])("%s", (_, issues, cardFound, status) => {
    expect(readOnboarding(snapshot(issues, cardFound)).status).toMatchObject(status);
  });
});

describe("planOnboarding", () => {
  const config = presetConfig({ preset: "squad-journey" });

  it("opens the one issue when there is none", () => {
    const plan = planOnboarding({
      repo: REPO,
      config,
      read: readOnboarding(snapshot([])),
      backlog: null,
      now: NOW,
      templates,
    });
    expect(plan.actions).toMatchObject([
      {
        type: "openIssue",
        issue: { title: "squad-bot onboarding", labels: ["squad-bot: onboarding"] },
      },
    ]);
  });

  it("keeps the oldest of two that raced, and closes the other", () => {
    const read = readOnboarding(snapshot([issue(1, {}), issue(2, {})]));
    const plan = planOnboarding({ repo: REPO, config, read, backlog: null, now: NOW, templates });
    expect(plan.actions).toMatchObject([
      { type: "editIssue", issue: { number: 1 } },
      { type: "editIssue", issue: { number: 2 }, close: "NOT_PLANNED" },
    ]);
  });

  it("records a permitted tick's time and person, and a refused one's name once", () => {
    const ticked = {
      ...issue(1, { refused: ["tia"] }),
      body: `- [x] <!-- squad-bot:accept -->\n${encodeMarker("onboarding", { refused: ["tia"] })}`,
    };
    const read = readOnboarding(snapshot([ticked]));
    const refused = planOnboarding({
      repo: REPO,
      config,
      read,
      backlog: null,
      now: NOW,
      templates,
      edit: { sender: "tia", permitted: false },
    });
    expect(refused.record).toEqual({ refused: ["tia"] });
    expect(refused.status.accepted).toBe(false);
    const taken = planOnboarding({
      repo: REPO,
      config,
      read,
      backlog: null,
      now: NOW,
      templates,
      edit: { sender: "wes", permitted: true },
    });
    expect(taken.record).toMatchObject({ acceptedAt: NOW.toISOString(), acceptedBy: "wes" });
    expect(taken.status).toMatchObject({
      accepted: true,
      activatedAt: NOW.toISOString(),
      issue: 1,
    });
  });
});
