/** The Markdown of welcomes, milestones and early-access notes, for both presets (snapshots). */
import { describe, expect, it } from "vitest";
import { DEFAULT_MILESTONES } from "../../src/features/community/config.js";
import { planEarlyAccess } from "../../src/features/community/early-access.js";
import { renderMilestone } from "../../src/features/community/milestones.js";
import { opportunityLines } from "../../src/features/community/opportunities.js";
import type { WelcomeKind } from "../../src/features/community/store.js";
import { renderWelcome } from "../../src/features/community/welcome.js";
import { templates } from "../support/templates.js";
import { presetConfig } from "./support.js";

const REPO = { owner: "medic", repo: "cht-core" };
const opportunities = opportunityLines(
  [
    {
      repo: REPO,
      number: 9001,
      title: "Translate the `login` page",
      url: "https://github.com/medic/cht-core/issues/9001",
    },
    {
      repo: { owner: "medic", repo: "cht-docs" },
      number: 12,
      title: "Fix [broken] links",
      url: "https://github.com/medic/cht-docs/issues/12",
    },
  ],
  [
    {
      title: "Offline maps",
      url: "https://github.com/medic/cht-roadmap/issues/40",
      phaseName: "Inception",
      members: 1,
    },
  ],
  templates,
);
const kinds: WelcomeKind[] = ["first-issue", "first-pr", "first-merge"];

describe.each(["squad-journey", "cht"] as const)("the %s preset", (preset) => {
  const config = presetConfig(preset).welcome;

  it.each(kinds)("renders the %s welcome", (kind) => {
    expect(
      renderWelcome({
        templates,
        kind,
        login: "new-person",
        org: "medic",
        repo: REPO,
        config,
        opportunities,
      }),
    ).toMatchSnapshot();
  });
});

describe("welcome text", () => {
  it("leaves out what is not configured, and falls back to the repository's /contribute page", () => {
    const config = presetConfig("squad-journey").welcome;
    const text = renderWelcome({
      templates,
      kind: "first-issue",
      login: "ana",
      org: "acme",
      repo: { owner: "acme", repo: "w" },
      config,
      opportunities: [],
    });
    expect(text).toContain("(https://github.com/acme/w/contribute)");
    expect(text).not.toMatch(/forum|Demo|assigned|Looking for/);
  });

  it("advises the cht newcomer to ask to be assigned, on an issue only", () => {
    const config = presetConfig("cht").welcome;
    const view = { login: "ana", org: "medic", repo: REPO, config, opportunities: [] };
    expect(renderWelcome({ templates, ...view, kind: "first-issue" })).toMatch(
      /ask to be assigned \*\*before\*\*/,
    );
    expect(renderWelcome({ templates, ...view, kind: "first-pr" })).not.toMatch(/assigned/);
    expect(renderWelcome({ templates, ...view, kind: "first-merge" })).not.toMatch(/assigned/);
  });

  it("links the demo site and the onboarding sign-up when configured, never a non-http link", () => {
    const config = presetConfig("squad-journey", {
      welcome: {
        links: { demo: "https://demo.example.org/", onboarding: "https://forms.example.org/a(b)" },
      },
    }).welcome;
    const text = renderWelcome({
      templates,
      kind: "first-issue",
      login: "ana",
      org: "acme",
      repo: REPO,
      config,
      opportunities: [],
    });
    expect(text).toContain("[Demo site](https://demo.example.org/)");
    expect(text).toContain("[Monthly onboarding call](https://forms.example.org/a%28b%29)");
  });
});

it("renders a milestone", () => {
  const milestone = DEFAULT_MILESTONES[2];
  if (!milestone) throw new Error("no default milestone");
  expect(renderMilestone({ templates, login: "ana", org: "medic", milestone })).toMatchSnapshot();
});

it("renders an early-access note", () => {
  const [action] = planEarlyAccess({
    templates,
    state: { lead: "lee", members: ["mo"], interested: ["ida"] },
    author: "ana",
    title: "Offline <maps> @everyone",
    releaseUrl: "https://github.com/medic/cht-core/releases/tag/4.12.0",
    maxMentionsPerComment: 25,
    quiet: new Set(),
  });
  expect(action?.type === "comment" && action.body).toMatchSnapshot();
});
