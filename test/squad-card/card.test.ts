/** The squad card: snapshots of realistic cards, and what must never reach one. */
import { describe, expect, it } from "vitest";
import { LINK_KINDS } from "../../src/config/schema.js";
import { decodeMarker } from "../../src/core/markers.js";
import { type CardInput, renderCard } from "../../src/features/squad/card.js";
import { criteriaForEntering, evaluateCriteria } from "../../src/features/squad/criteria.js";
import {
  CARD_MARKER,
  type FeatureState,
  parseFeatureState,
} from "../../src/features/squad/state.js";
import { templates } from "../support/templates.js";
import { entry, makeConfig, makeState } from "./fixtures.js";

const NOW = new Date("2026-03-10T12:00:00Z");
const config = makeConfig();
const ISSUE: CardInput["issue"] = {
  title: "Offline sync of household visits",
  url: "https://github.com/medic/cht-core/issues/9876",
  author: "amina",
  state: "open",
};

function phase(id: string) {
  const found = config.phases.find((p) => p.id === id);
  if (!found) throw new Error(id);
  return found;
}

/** A card as the planner would ask for it: the next phase's criteria evaluated against the state. */
function card(state: FeatureState, extra: Partial<CardInput> = {}, issueBody = ""): string {
  const current = phase(state.phase);
  const nextPhase = config.phases.find((p) => p.index > current.index && !p.optional) ?? null;
  const next = nextPhase && {
    phase: nextPhase,
    results: evaluateCriteria(criteriaForEntering(config, state.phase, nextPhase.id), {
      templates,
      state,
      issueBody,
    }),
  };
  return renderCard({
    templates,
    config,
    state,
    issue: ISSUE,
    now: NOW,
    next,
    warnings: [],
    problems: [],
    ...extra,
  });
}

const building = makeState({
  history: [
    entry("inception", "2026-01-05T09:00:00Z", { by: "amina", via: "recognition" }),
    entry("convergence", "2026-01-26T14:00:00Z", { by: "jkuester", via: "command" }),
    entry("building", "2026-02-16T10:30:00Z", { by: "jkuester", via: "label" }),
  ],
  lead: "jkuester",
  members: ["jkuester", "mrjones-plip", "sugat"],
  interested: ["dianabarsan", "latin-panda"],
  links: {
    scope: "https://docs.google.com/document/d/abc/edit",
    board: "https://github.com/orgs/medic/projects/112/views/24",
  },
  target: "2026-03-01",
});

/**
 * What GitHub scans for mentions: every line but the marker (raw state inside an HTML comment, by
 * design), without link targets (attributes, never text).
 */
function visible(body: string): string {
  return body
    .split("\n")
    .slice(1)
    .join("\n")
    .replace(/\]\([^)\s]*\)/g, "]()");
}

/** An `@` that GitHub would turn into a mention: followed by a login character. */
const MENTION = /@[A-Za-z0-9]/;

describe("renderCard", () => {
  it("renders a fresh feature in Inception", () => {
    const fresh = makeState({
      history: [entry("inception", "2026-03-09T08:00:00Z", { via: "recognition" })],
    });
    expect(card(fresh)).toMatchSnapshot();
  });

  it("renders a squad in Building, overdue, with the Testing gate half met", () => {
    const body = "## Acceptance criteria\n- [x] syncs offline\n- [ ] resolves conflicts";
    expect(card(building, {}, body)).toMatchSnapshot();
  });

  it("renders a forced move with warnings, problems, a block and no chart", () => {
    const state = makeState({
      history: [
        entry("inception", "2026-01-05T09:00:00Z", { via: "recognition" }),
        entry("testing", "2026-02-20T09:00:00Z", {
          by: "maintainer1",
          via: "command",
          forced: true,
          note: "demo at the squad call",
        }),
      ],
      blocked: { reason: "waiting for the API review", by: "sugat", at: "2026-03-02T10:00:00Z" },
    });
    const warnings = evaluateCriteria(criteriaForEntering(config, "inception", "testing"), {
      templates,
      state,
      issueBody: "",
    }).filter((r) => !r.met);
    const rendered = renderCard({
      templates,
      config: makeConfig({ card: { mermaid: false } }),
      state,
      issue: { ...ISSUE, state: "closed" },
      now: NOW,
      next: null,
      warnings,
      problems: [
        "squad-bot cannot edit the project board: it needs the organization **Projects** permission.",
      ],
    });
    expect(rendered).not.toContain("```mermaid");
    expect(rendered).toMatchSnapshot();
  });

  it("starts with the marker, which round-trips the state", () => {
    const rendered = card(building);
    expect(rendered.split("\n")[0]).toMatch(/^<!-- squad-bot:card \{.*\} -->$/);
    expect(parseFeatureState(decodeMarker(rendered, CARD_MARKER))).toEqual(building);
  });

  it("names people without mentioning them", () => {
    const rendered = card(building);
    expect(visible(rendered)).not.toMatch(MENTION);
    expect(rendered).toContain("[jkuester](https://github.com/jkuester)");
    expect(rendered).toContain("[latin-panda](https://github.com/latin-panda)");
  });

  it("shows the progress along the main path only", () => {
    expect(card(building)).toContain(
      "Inception ✔ → Convergence ✔ → **Building** → Testing → Release → Measure\n",
    );
    const sunset = makeState({
      history: [
        entry("inception", "2026-01-05T09:00:00Z"),
        entry("sunset", "2026-02-01T00:00:00Z"),
      ],
    });
    expect(card(sunset)).toContain(
      "Inception ✔ → Convergence → Building → Testing → Release → Measure → **Sunset**\n",
    );
  });

  it("says a target is overdue only before Release", () => {
    expect(card(building)).toContain("2026-03-01, **overdue by 9 days**");
    const released = {
      ...building,
      phase: "release",
      history: [...building.history, entry("release", "2026-03-05T00:00:00Z")],
    };
    expect(card(released)).toContain("**Target date:** 2026-03-01\n");
    const future = { ...building, target: "2026-04-01" };
    expect(card(future)).toContain("**Target date:** 2026-04-01\n");
  });

  it("lists the phase's activities as plain bullets, not a task list", () => {
    const rendered = card(building);
    expect(rendered).toContain(
      "#### Key activities for Building\n\n- Weekly dev sprints; progress tracking\n",
    );
    expect(rendered).not.toMatch(/^\s*[-*] \[[ x]\]/m);
  });

  it("says when the next phase needs nothing", () => {
    const testing = makeState({ history: [entry("testing", "2026-03-01T00:00:00Z")] });
    const measure = {
      ...testing,
      phase: "measure",
      history: [entry("measure", "2026-03-01T00:00:00Z")],
    };
    expect(card(measure)).not.toContain("#### To enter");
    const release = {
      ...testing,
      phase: "release",
      history: [entry("release", "2026-03-01T00:00:00Z")],
    };
    expect(card(release)).toContain("#### To enter Measure\n\nNothing is required");
  });

  it("shows only http(s) links as links", () => {
    const state = {
      ...building,
      links: { scope: "javascript:alert(1)", repo: "https://github.com/medic/cht-sync" },
    };
    const rendered = card(state);
    expect(rendered).toContain("[Repository](https://github.com/medic/cht-sync)");
    expect(rendered).toContain("Scope of work: javascript:alert\\(1\\) (not an http link)");
    expect(rendered).not.toContain("](javascript:");
  });

  it("keeps a link whose address holds `)[` one link", () => {
    const state = { ...building, links: { design: "https://x.org/a)[y](https://evil.example" } };
    expect(card(state)).toContain("[Design](https://x.org/a%29%5By%5D%28https://evil.example)");
  });

  it("has words for every way of entering a phase and every kind of link", () => {
    const vias = ["recognition", "label", "command", "project", "sweep"] as const;
    const state = makeState({
      history: vias.map((via, i) =>
        entry(i % 2 ? "building" : "testing", `2026-01-0${i + 1}`, { via }),
      ),
      links: Object.fromEntries(LINK_KINDS.map((kind) => [kind, `https://example.org/${kind}`])),
    });
    const rendered = card(state);
    for (const word of [
      "recognised",
      "| label |",
      "| command |",
      "project board",
      "scheduled check",
    ]) {
      expect(rendered).toContain(word);
    }
    expect(rendered).toContain("[Repository](https://example.org/repo) · [Design](");
  });

  it("keeps a long history short", () => {
    const history = Array.from({ length: 40 }, (_, i) =>
      entry(i % 2 === 0 ? "building" : "testing", new Date(Date.UTC(2025, 0, 1 + i)).toISOString()),
    );
    const rendered = card(makeState({ history }));
    expect(rendered).toContain("_10 earlier stays not shown._");
    expect(rendered.match(/^\| (Building|Testing) \|/gm)).toHaveLength(30);
  });

  it("copes with a phase that is no longer configured", () => {
    const state = makeState({ history: [entry("design-review", "2026-03-01T00:00:00Z")] });
    const rendered = renderCard({
      templates,
      config,
      state,
      issue: ISSUE,
      now: NOW,
      next: null,
      warnings: [],
      problems: [],
    });
    expect(rendered).toContain("### Squad card: design-review (no longer configured)");
  });
});

describe("a hostile card", () => {
  const evil =
    "@everyone <script>alert(1)</script> --> | [click](https://evil.example) `x` @org/team";
  const state = makeState({
    history: [
      entry("inception", "2026-01-05T09:00:00Z", { via: "recognition" }),
      entry("building", "2026-02-01T09:00:00Z", { by: "mallory", note: evil }),
    ],
    lead: "mallory",
    members: ["mallory", "evil) [x](https://evil.example"],
    links: { scope: `https://ok.example/${evil}`, design: evil },
    target: evil,
    blocked: { reason: evil, by: "mallory", at: "2026-03-01T00:00:00Z" },
  });
  const rendered = renderCard({
    templates,
    config,
    state,
    issue: { title: evil, url: "javascript:alert(1)", author: "mallory", state: "open" },
    now: NOW,
    next: null,
    warnings: [],
    problems: [],
  });

  it("matches its snapshot", () => {
    expect(rendered).toMatchSnapshot();
  });

  it("mentions nobody, runs no HTML and closes no comment early", () => {
    const shown = visible(rendered);
    expect(shown).not.toMatch(MENTION);
    expect(rendered).not.toMatch(/<script/i);
    expect(shown).not.toContain("-->");
    expect(rendered.match(/-->/g)).toHaveLength(1);
    expect(rendered.split("\n")[0]).toMatch(/ -->$/);
  });

  it("opens no link that a user wrote, and keeps every table row whole", () => {
    const shown = rendered.split("\n").slice(1).join("\n");
    const targets = [...shown.matchAll(/\]\(([^)\s]*)\)/g)].map((m) => m[1]);
    expect(targets.filter((url) => !url?.startsWith("https://github.com/"))).toEqual([
      "https://ok.example/@everyone%20%3Cscript%3Ealert%281%29%3C/script%3E%20--%3E%20%7C%20%5Bclick%5D%28https://evil.example%29%20%60x%60%20@org/team",
    ]);
    expect(shown).toContain("\\[click\\]\\(https://evil.example\\)");
    for (const row of shown.split("\n").filter((line) => line.startsWith("| "))) {
      expect(row.replace(/\\\|/g, "").match(/\|/g)).toHaveLength(7);
    }
  });

  it("still round-trips the state through the marker", () => {
    expect(parseFeatureState(decodeMarker(rendered, CARD_MARKER))).toEqual(state);
  });
});
