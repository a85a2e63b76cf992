/** The digests' Markdown and plain text from realistic data: snapshots, as the design allows. */
import { describe, expect, it } from "vitest";
import { collectWeekly } from "../../src/features/digest/collect.js";
import {
  type CommunityDigestData,
  renderCommunityDigest,
} from "../../src/features/digest/community.js";
import { digestsConfigSchema } from "../../src/features/digest/config.js";
import { parsePeriod, reportedPeriod } from "../../src/features/digest/period.js";
import { toPlainText } from "../../src/features/digest/plain-text.js";
import { renderWeeklyDigest } from "../../src/features/digest/weekly.js";
import { templates } from "../support/templates.js";
import { digestWorld, MONDAY, seedRealisticWeek } from "./fixtures.js";

async function weekly() {
  const d = await digestWorld();
  seedRealisticWeek(d);
  const settings = d.digests.weekly;
  const period = reportedPeriod("weekly", new Date(MONDAY), settings.timezone);
  const data = await collectWeekly(d.source, [d.world.repo], {
    config: d.config,
    settings,
    period,
    now: new Date(MONDAY),
  });
  return { d, data, rendered: renderWeeklyDigest({ data, config: d.config, settings, templates }) };
}

const community = (): CommunityDigestData => {
  const period = parsePeriod("monthly", "2026-11", "Africa/Nairobi");
  if (!period) throw new Error("bad period");
  const repo = { owner: "medic", repo: "cht-core" };
  const issue = (number: number, title: string) => ({
    repo,
    number,
    title,
    url: `https://github.com/medic/cht-core/issues/${number}`,
  });
  return {
    period,
    repos: [repo],
    newContributors: [
      { login: "amina-w", firstContribution: issue(9812, "Fix typo in the CHW onboarding guide") },
      { login: "tomas-r", firstContribution: null },
    ],
    milestones: [
      { login: "ravi-dev", milestone: "10th merged pull request" },
      { login: "lena-ux", milestone: "First squad led" },
    ],
    thriving: [
      { login: "kofi-qa", reason: "Tested 3 releases and reviewed 12 pull requests in 4 months" },
    ],
    goodFirstIssues: [
      issue(9901, "Add a tooltip to the sync button"),
      issue(9903, "Translate the login page into Swahili"),
    ],
  };
};

describe("weekly squad digest", () => {
  it("renders every section from a realistic week", async () => {
    const { rendered, data } = await weekly();
    expect(data.period.key).toBe("weekly:2026-W48");
    expect(rendered.title).toBe("Squad digest 2026-W48 (23 Nov 2026 – 29 Nov 2026)");
    expect(rendered.markdown).toMatchSnapshot();
  });

  it("counts what it shows", async () => {
    const { data } = await weekly();
    const total = (id: string) => data.phases.find((p) => p.id === id)?.features.total;
    expect([total("inception"), total("convergence"), total("building"), total("release")]).toEqual(
      [2, 1, 2, 2],
    );
    // Recognitions (#7 and #6 entering Inception) are new requests, not moves.
    expect(data.transitions.items.map((t) => `${t.number}:${t.to}`)).toEqual([
      "4:release",
      "1:building",
      "8:sunset",
    ]);
    expect(data.newRequests.items.map((f) => f.title)).toEqual([
      "Two-factor login for supervisors",
      "Export reports to CSV",
    ]);
    expect(data.newRequests.items.map((f) => f.demand)).toEqual([7, 4]);
    expect(data.blocked.items.map((f) => f.title)).toEqual(["Household visit map"]);
    expect(data.stalled.items.map((f) => f.title)).toEqual(["Bulk SMS reminders for CHWs"]);
    expect(data.released.items.map((f) => f.title)).toEqual(["Release: Multi-language forms"]);
    expect(data.measureDue.items.map((f) => f.title)).toEqual(["Dark mode"]);
    expect(data.seeking.items.map((f) => f.title)).toEqual([
      "Household visit map",
      "Bulk SMS reminders for CHWs",
    ]);
    expect(data.closed).toBe(1);
  });

  it("has a plain-text rendering without Markdown, charts or markers", async () => {
    const { rendered } = await weekly();
    const text = toPlainText(rendered.markdown);
    expect(text).not.toMatch(/```|<!--|\]\(|\*\*|<sub>/);
    expect(text).toContain(
      "Offline sync status indicator <https://github.com/medic/cht-core/issues/1>",
    );
    expect(text).toMatchSnapshot();
  });
});

describe("monthly community digest", () => {
  it("renders contributors, good first issues, links and the call to action", () => {
    const settings = digestsConfigSchema.parse({
      monthly: {
        timezone: "Africa/Nairobi",
        links: [
          {
            title: "First-time contributors",
            url: "https://docs.communityhealthtoolkit.org/community/contributing/first-time-contributors/",
          },
          { title: "Forum", url: "https://forum.communityhealthtoolkit.org/" },
        ],
      },
    }).monthly;
    const rendered = renderCommunityDigest(community(), settings, templates);
    expect(rendered.title).toBe("Community digest 2026-11");
    expect(rendered.markdown).toMatchSnapshot();
    expect(toPlainText(rendered.markdown)).toMatchSnapshot();
  });

  it("says so when a section is empty and uses the configured call to action", () => {
    const settings = digestsConfigSchema.parse({
      monthly: { callToAction: "Join the **squad call** on Thursday, @everyone!" },
    }).monthly;
    const rendered = renderCommunityDigest(
      { ...community(), milestones: [], thriving: [] },
      settings,
      templates,
    );
    expect(rendered.markdown).toContain("### Milestones reached\n\n_None this time._");
    expect(rendered.markdown).toContain("Join the **squad call** on Thursday, @\u200deveryone!");
  });
});
