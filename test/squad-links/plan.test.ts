/** Table tests of linked features: reading issue refs, adoption, follow-ups and the planner's side. */
import { describe, expect, it } from "vitest";
import type { Action } from "../../src/actions/action.js";
import { readIssueRef } from "../../src/commands/args.js";
import { findSpec } from "../../src/commands/specs.js";
import { decodeMarker, encodeMarker } from "../../src/core/markers.js";
import { planSquad, type Trigger } from "../../src/features/squad/plan.js";
import { CARD_MARKER, type FeatureState, newFeatureState } from "../../src/features/squad/state.js";
import { followLink } from "../../src/features/squad-links/follow.js";
import { linkFollowUps } from "../../src/features/squad-links/follow-ups.js";
import {
  adoptPeople,
  followersOf,
  REQUESTS_LIMIT,
  withRequest,
} from "../../src/features/squad-links/links.js";
import {
  findSquadIssue,
  renderSquadIssue,
  summaryOf,
} from "../../src/features/squad-links/squad-issue.js";
import { comment, issue } from "../squad/snapshot.js";
import { presetConfig } from "../support/config.js";
import { templates } from "../support/templates.js";

const config = presetConfig({ squads: { repo: "medic/cht-roadmap" } });
const now = new Date("2026-03-01T12:00:00Z");
const base = newFeatureState("inception", "2026-01-01T00:00:00Z", "amina", "recognition");
const target = { repo: "medic/cht-core", number: 3 };
const from = { repo: "medic/cht-core", number: 7 };

function withCard(state: FeatureState) {
  return issue({
    labelNames: ["phase: inception"],
    comments: [comment(encodeMarker(CARD_MARKER, state))],
  });
}
const stateAfter = (actions: Action[]) => {
  const card = actions.find((a) => a.type === "upsertCard");
  return decodeMarker(card?.type === "upsertCard" ? card.body : "", CARD_MARKER) as FeatureState;
};
const command = (
  line: string,
  maintainer: boolean,
  links?: Extract<Trigger, { kind: "comment" }>["links"],
): Trigger => {
  const parsed = findSpec(line.slice(1).split(" ")[0] ?? "")?.parse(
    line.split(" ").slice(1).join(" "),
    templates,
  );
  if (!parsed?.ok) throw new Error(`cannot parse ${line}`);
  return {
    kind: "comment",
    commentId: "IC_99",
    commentDatabaseId: 99,
    actor: { login: "mia", maintainer },
    commands: [{ line, occurrence: 1, command: parsed.command, role: "maintainer" }],
    ...(links ? { links } : {}),
  };
};

describe("readIssueRef", () => {
  it.each([
    ["#12", { repo: null, number: 12 }],
    ["medic/cht-core#12", { repo: "medic/cht-core", number: 12 }],
    ["https://github.com/medic/cht-docs/issues/4", { repo: "medic/cht-docs", number: 4 }],
    ["<https://github.com/medic/cht-docs/issues/4>", { repo: "medic/cht-docs", number: 4 }],
    ["12", null],
    ["#0", null],
    ["#12abc", null],
    ["medic#12", null],
    ["https://github.com/medic/cht-core/pull/4", null],
  ])("%s", (word, expected) => expect(readIssueRef(word)).toEqual(expected));

  it.each([
    ["", "Say which issue"],
    ["twelve", "is not an issue reference"],
  ])("/duplicate %j is refused with how to write it", (args, words) => {
    const result = findSpec("duplicate")?.parse(args, templates);
    expect(result?.ok === false && result.error).toContain(words);
  });

  it.each([
    ["propose", true],
    ["PROPOSE now", true],
    ["", false],
    ["open", false],
  ])("/squad %j parses: %s", (args, ok) =>
    expect(findSpec("squad")?.parse(args, templates).ok).toBe(ok));
});

describe("adoption", () => {
  const state = { ...base, lead: "lou", members: ["mo"], interested: ["ivy"] };
  it.each([
    ["adds newcomers as interested", ["zed", "Ivy", "lou", "zed"], ["ivy", "zed"]],
    ["adds nobody already there", ["mo", "LOU"], ["ivy"]],
  ])("%s", (_name, people, interested) => {
    const adopted = adoptPeople(state, from, people);
    expect(adopted.interested).toEqual(interested);
    expect(adopted.adopted).toEqual(["medic/cht-core#7"]);
  });

  it("takes in the same issue once, even after someone left", () => {
    const once = adoptPeople(state, from, ["zed"]);
    const left = { ...once, interested: ["ivy"] };
    expect(adoptPeople(left, from, ["zed"])).toBe(left);
  });

  it("counts the lead, members, interested and author as followers, bots never", () => {
    expect(followersOf(state, "amina")).toEqual(["lou", "mo", "ivy", "amina"]);
    expect(followersOf(state, "squad-bot[bot]")).toEqual(["lou", "mo", "ivy"]);
  });

  it("keeps a bounded list of requests, newest last, without repeats", () => {
    let squad = base;
    for (let n = 1; n <= REQUESTS_LIMIT + 2; n++)
      squad = withRequest(squad, { repo: "a/b", number: n });
    squad = withRequest(squad, { repo: "A/B", number: REQUESTS_LIMIT + 2 });
    expect(squad.requests).toHaveLength(REQUESTS_LIMIT);
    expect(squad.requests?.[0]?.number).toBe(3);
  });

  it.each<[string, FeatureState, Trigger, Partial<FeatureState>]>([
    [
      "a duplicate's people",
      base,
      { kind: "adopt", as: "duplicate", from, people: ["ivy"], actor: "mia" },
      { interested: ["ivy"], adopted: ["medic/cht-core#7"] },
    ],
    [
      "a request's people and link",
      base,
      { kind: "adopt", as: "squad", from, people: ["ivy"], actor: "mia" },
      { interested: ["ivy"], requests: [from] },
    ],
    [
      "its squad's phase",
      { ...base, squad: target },
      { kind: "squadPhase", squad: target, phase: "Building", actor: "mia" },
      { squad: { ...target, phase: "Building" } },
    ],
    [
      "no phase of another squad",
      { ...base, squad: target },
      { kind: "squadPhase", squad: from, phase: "Building", actor: "mia" },
      { squad: target },
    ],
    [
      "no phase without a squad",
      base,
      { kind: "squadPhase", squad: from, phase: "Building", actor: "mia" },
      { interested: [] },
    ],
  ])("followLink takes in %s", (_name, state, trigger, expected) => {
    expect(followLink(state, trigger)).toMatchObject(expected);
  });
});

describe("the planner with links", () => {
  it("closes as a duplicate with one keyed reply when the target was found fit", () => {
    const links = { duplicates: { "/duplicate #3": { ok: true as const, issue: target } } };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(base),
      trigger: command("/duplicate #3", true, links),
      now,
    });
    expect(plan.actions).toContainEqual({ type: "closeIssue", reason: "DUPLICATE" });
    const reply = plan.actions.find((a) => a.type === "comment");
    expect(reply).toMatchObject({ key: "duplicate:medic/cht-core#3" });
    expect(reply?.type === "comment" && reply.body).toMatch(/^Duplicate of \[#3\]/);
    expect(stateAfter(plan.actions).duplicateOf).toEqual(target);
    expect(plan.actions.find((a) => a.type === "upsertCard")).toMatchObject({
      body: expect.stringContaining("This issue is closed"),
    });
  });

  it("names the original in the close when the check knew its node id", () => {
    const check = { ok: true as const, issue: target, nodeId: "I_3" };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(base),
      trigger: command("/duplicate #3", true, { duplicates: { "/duplicate #3": check } }),
      now,
    });
    expect(plan.actions).toContainEqual({
      type: "closeIssue",
      reason: "DUPLICATE",
      duplicateOf: "I_3",
    });
    expect(stateAfter(plan.actions).duplicateOf).toEqual({ ...target, nodeId: "I_3" });
    // The card shows the link as before: the node id is for GitHub only.
    const card = plan.actions.find((a) => a.type === "upsertCard");
    const shown = card?.type === "upsertCard" ? card.body.replace(/<!--[\s\S]*?-->/g, "") : "";
    expect(shown).toContain("Duplicate of");
    expect(shown).not.toContain("I_3");
  });

  it.each([
    [
      "refused for a non-maintainer",
      false,
      { duplicates: { "/duplicate #3": { ok: true as const, issue: target } } },
      "only a maintainer",
    ],
    [
      "refused with the check's reason",
      true,
      { duplicates: { "/duplicate #3": { ok: false as const, reason: "not a feature" } } },
      "not a feature",
    ],
    ["refused when nothing was checked", true, undefined, "could not be checked"],
  ])("is %s, closing nothing", (_name, maintainer, links, words) => {
    const plan = planSquad({
      templates,
      config,
      issue: withCard(base),
      trigger: command("/duplicate #3", maintainer, links),
      now,
    });
    expect(plan.actions.some((a) => a.type === "closeIssue")).toBe(false);
    const reply = plan.actions.find((a) => a.type === "comment");
    expect(reply?.type === "comment" && reply.body).toContain(words);
    expect(stateAfter(plan.actions).duplicateOf).toBeUndefined();
  });

  it("records the proposed squad issue, keeping its known phase", () => {
    const links = { squad: { ok: true as const, issue: target } };
    const known = { ...base, squad: { ...target, phase: "Building" } };
    const plan = planSquad({
      templates,
      config,
      issue: withCard(known),
      trigger: command("/squad propose", true, links),
      now,
    });
    expect(stateAfter(plan.actions).squad).toEqual({ ...target, phase: "Building" });
  });

  it("starts a squad issue the bot opened as a feature, in the first phase, with its request", () => {
    const squadIssue = issue({ body: "### Overview", author: "squad-bot[bot]" });
    const trigger: Trigger = {
      kind: "adopt",
      as: "squad",
      from,
      people: ["ivy", "amina"],
      actor: "mia",
    };
    const plan = planSquad({ templates, config, issue: squadIssue, trigger, now });
    expect(stateAfter(plan.actions)).toMatchObject({
      phase: "inception",
      interested: ["ivy", "amina"],
      requests: [from],
    });
    expect(plan.actions.find((a) => a.type === "upsertCard")).toMatchObject({
      body: expect.stringContaining("0 👍 · 2 interested · 0 in the squad"),
    });
    // Nobody is pinged for the squad issue's first phase.
    expect(plan.actions.filter((a) => a.type === "comment")).toEqual([]);
  });

  it("does not take in people on an issue that is not a feature", () => {
    const trigger: Trigger = {
      kind: "adopt",
      as: "duplicate",
      from,
      people: ["ivy"],
      actor: "mia",
    };
    expect(
      planSquad({ templates, config, issue: issue({ body: "" }), trigger, now }).state,
    ).toBeNull();
  });
});

describe("linkFollowUps", () => {
  const snapshot = issue();
  it.each<[string, FeatureState, Trigger, boolean, string[]]>([
    [
      "the duplicate's target",
      { ...base, duplicateOf: target },
      command("/duplicate #3", true),
      false,
      ["adopt medic/cht-core#3"],
    ],
    [
      "the squad issue",
      { ...base, squad: target },
      command("/squad propose", true),
      false,
      ["adopt medic/cht-core#3"],
    ],
    ["nothing for a refused proposal", base, command("/squad propose", true), false, []],
    [
      "the requests of a squad issue that moved",
      { ...base, requests: [from, target] },
      { kind: "labeled", label: "x", actor: "mia" },
      true,
      ["squadPhase medic/cht-core#7", "squadPhase medic/cht-core#3"],
    ],
    [
      "nothing when it did not move",
      { ...base, requests: [from] },
      { kind: "reconcile", actor: "mia" },
      false,
      [],
    ],
    [
      "the request a squad issue was just proposed from",
      { ...base, requests: [from] },
      { kind: "adopt", as: "squad", from, people: [], actor: "mia" },
      false,
      ["squadPhase medic/cht-core#7"],
    ],
  ])("%s", (_name, state, trigger, moved, expected) => {
    const followUps = linkFollowUps({ config, issue: snapshot, trigger, state, moved });
    expect(
      followUps.map((f) => `${f.trigger.kind} ${f.ref.owner}/${f.ref.repo}#${f.ref.number}`),
    ).toEqual(expected);
  });
});

describe("the squad issue", () => {
  it.each([
    [
      "### Problem\nCHWs cannot tell.\n\n### Alternatives\n_No response_\n<!-- hidden -->",
      "CHWs cannot tell.",
    ],
    ["x".repeat(700), `${"x".repeat(600)}…`],
    [
      "**Is your feature request related to a problem? Please describe.**\nCHWs **cannot** tell _whether_ it synced.",
      "CHWs cannot tell whether it synced.",
    ],
    ["```\nstack trace\n```\nSee `sync.js`.", "See sync.js."],
    ["", ""],
  ])("summarises case %#", (body, expected) => expect(summaryOf(body)).toBe(expected));

  it("has the template's sections, the request's links and a marker naming the request", () => {
    const squads = config.squads;
    if (!squads) throw new Error("squads must be configured");
    const state = {
      ...base,
      links: { scope: "https://docs.example.org/s", design: "javascript:alert(1)" },
    };
    const rendered = renderSquadIssue(
      squads,
      {
        link: from,
        title: "Sync @everyone",
        body: "Need it",
        state,
      },
      templates,
    );
    expect(rendered.title).toBe("Squad: Sync @everyone");
    expect(rendered.labels).toEqual(["Squad"]);
    expect(rendered.body).toMatch(
      /### Overview[\s\S]*### Important Resources[\s\S]*### Contributing Organizations/,
    );
    expect(rendered.body).toContain("[Scope of work](https://docs.example.org/s)");
    expect(rendered.body).not.toContain("javascript:");
    expect(rendered.body).not.toContain("@everyone");
    const found = {
      id: "I_9",
      number: 9,
      title: rendered.title,
      body: rendered.body,
      state: "open" as const,
    };
    expect(
      findSquadIssue([{ ...found, author: "squad-bot[bot]" }], from, "squad-bot[bot]")?.number,
    ).toBe(9);
    expect(
      findSquadIssue([{ ...found, author: "mallory" }], from, "squad-bot[bot]"),
    ).toBeUndefined();
    expect(
      findSquadIssue([{ ...found, author: "squad-bot[bot]" }], target, "squad-bot[bot]"),
    ).toBeUndefined();
  });
});
