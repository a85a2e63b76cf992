/** Roadmap board sync through real deliveries: the board follows the card, and the card the board. */
import { describe, expect, it } from "vitest";
import { CONFIG_ISSUE_LABEL } from "../../src/features/config-check/index.js";
import { bootApp, type Delivery, startApp, type TestApp } from "../support/app.js";
import { cardState, cards } from "../support/cards.js";

const openConfigIssues = (app: TestApp) =>
  app.github
    .issues(app.repo)
    .filter((i) => i.state === "open" && i.labels.includes(CONFIG_ISSUE_LABEL));

const BOARD = 7;
const ROADMAP = `preset: squad-journey
roadmap:
  project: { org: medic, number: ${BOARD} }
  field: Stage
  options:
    inception: Emerging
    convergence: Emerging
    building: Active
    testing: Active
    release: Active
    measure: Winding Down
  addOnLabels: [roadmap]
  dates: { target: Target date, start: Start date }
`;
const FEATURE = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem?\nCHWs cannot tell.",
};
const STAGES = ["Emerging", "Active", "Winding Down"];

async function roadmapApp(
  options: { config?: string; stages?: string[]; repos?: string[]; dates?: boolean } = {},
) {
  const app = await startApp({
    config: options.config ?? ROADMAP,
    ...(options.repos ? { repos: options.repos } : {}),
  });
  app.github.addProject("medic", {
    number: BOARD,
    title: "Roadmap",
    fields: [
      { name: "Stage", type: "singleSelect", options: options.stages ?? STAGES },
      ...(options.dates === false
        ? []
        : [
            { name: "Target date", type: "date" as const },
            { name: "Start date", type: "date" as const },
          ]),
      { name: "Notes", type: "text" },
    ],
  });
  // Phase labels exist, as they do after the first features; creating one is a separate request.
  const phases = ["inception", "convergence", "building", "testing", "release", "measure"];
  for (const repo of app.repos) {
    for (const phase of phases) app.github.createLabel(repo, `phase: ${phase}`);
  }
  return app;
}

async function openFeature(app: TestApp, repo = app.repo) {
  const opened = app.github.as(app.people.user).openIssue(repo, FEATURE);
  await app.deliver(opened);
  await app.deliverEchoes();
  return opened.ref;
}

/** Requests the app made for one delivery, after config and board ids are cached. */
async function requestsFor(app: TestApp, event: Delivery): Promise<string[]> {
  app.github.resetRequests();
  await app.deliver(event);
  return app.github.requests.map((r) => r.method);
}

const stage = (app: TestApp, ref: Parameters<TestApp["github"]["labelsOf"]>[0]) =>
  app.github.projectItem("medic", BOARD, ref)?.fields.Stage;

describe("roadmap: the board follows the feature", () => {
  it("adds a recognised feature to the board in its phase's option", async () => {
    const app = await roadmapApp();
    const ref = await openFeature(app);
    expect(app.github.projectItem("medic", BOARD, ref)).toMatchObject({
      archived: false,
      fields: { Stage: "Emerging", "Target date": null, "Start date": null },
    });
    expect(cards(app.github, ref)[0]?.body).not.toContain("Problems");
  });

  it("moves the field with a label move in one mutation once the item exists", async () => {
    const app = await roadmapApp();
    const ref = await openFeature(app);
    const moved = app.github.as(app.people.maintainer).addLabel(ref, "phase: building");
    expect(await requestsFor(app, moved)).toEqual(["readAhead", "mutate"]);
    expect(stage(app, ref)).toBe("Active");
    expect(app.github.labelsOf(ref)).toEqual(["phase: building"]);
    expect(app.github.projectItem("medic", BOARD, ref)?.fields["Start date"]).toBe("2026-01-05");
  });

  it("moves the field with a command, and /target sets the target date", async () => {
    const app = await roadmapApp();
    const ref = await openFeature(app);
    const { maintainer } = app.people;
    const target = app.github.as(maintainer).comment(ref, "/target 2026-06-30");
    expect(await requestsFor(app, target)).toContain("mutate");
    expect(app.github.projectItem("medic", BOARD, ref)?.fields["Target date"]).toBe("2026-06-30");
    const command = app.github.as(maintainer).comment(ref, "/phase measure --force");
    app.github.resetRequests();
    await app.deliver(command);
    const writes = app.github.requests.filter((r) => r.method === "mutate");
    expect(writes.map((r) => r.detail)).toEqual([
      // Labels, reaction, card, Stage and Start date: one request.
      "addLabels,removeLabels,addReaction,updateComment,setProjectField,setProjectField",
    ]);
    expect(stage(app, ref)).toBe("Winding Down");
    expect(cardState(app.github, ref).phase).toBe("measure");
  });

  it("adds an existing feature on its next event, costing one extra mutation once", async () => {
    const app = await roadmapApp({ config: "preset: squad-journey\n" });
    const ref = await openFeature(app);
    app.github.setFile(app.repo, ".github/squad-bot.yml", ROADMAP);
    app.clock.advance({ minutes: 10 });
    const first = app.github.as(app.people.maintainer).addLabel(ref, "phase: convergence");
    // The read was shaped by the old config, so the issue and board are read again as the new one
    // says (one request); its first board sync also looks once for a stale report of problems.
    expect(await requestsFor(app, first)).toEqual([
      "readAhead",
      "readAhead",
      "mutate",
      "mutate",
      "listIssuesWithLabel",
    ]);
    expect(stage(app, ref)).toBe("Emerging");
  });
});

describe("roadmap: the feature follows the board", () => {
  it("moves labels and card when a person moves the item", async () => {
    const app = await roadmapApp();
    const ref = await openFeature(app);
    const moved = app.github.as(app.people.owner).board("medic", BOARD).set(ref, "Stage", "Active");
    expect(await requestsFor(app, moved)).toEqual(["findIssueByNodeId", "readAhead", "mutate"]);
    expect(app.github.labelsOf(ref)).toEqual(["phase: building"]);
    const state = cardState(app.github, ref);
    expect(state.phase).toBe("building");
    expect(state.history.at(-1)).toMatchObject({ via: "project", by: app.people.owner });
    expect(cards(app.github, ref)[0]?.body).toContain("project board");
  });

  it("changes nothing when the option already holds the current phase", async () => {
    const app = await roadmapApp();
    const ref = await openFeature(app);
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: testing"));
    await app.deliverEchoes();
    const board = app.github.as(app.people.owner).board("medic", BOARD);
    await app.deliver(board.set(ref, "Stage", "Emerging"));
    expect(cardState(app.github, ref).phase).toBe("inception");
    // Testing and Building share Active: moving back to Active enters the first, Building.
    const back = board.set(ref, "Stage", "Active");
    expect(await requestsFor(app, back)).toContain("mutate");
    expect(cardState(app.github, ref).phase).toBe("building");
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: testing"));
    app.github.drainAppEvents();
    app.github.as(app.people.owner).board("medic", BOARD).set(ref, "Stage", "Emerging");
    const again = board.set(ref, "Stage", "Active");
    expect(await requestsFor(app, again)).toEqual(["findIssueByNodeId", "readAhead"]);
    expect(cardState(app.github, ref).phase).toBe("testing");
  });

  it("plans nothing for the echo of its own field writes", async () => {
    const app = await roadmapApp();
    const ref = await openFeature(app);
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: building"));
    app.github.resetRequests();
    const echoes = app.github.drainAppEvents();
    expect(echoes.map((e) => e.name)).toContain("projects_v2_item");
    for (const echo of echoes) await app.deliver(echo);
    expect(app.github.requests).toEqual([]);
  });

  it("notes archive, restore and removal on the card and does not re-add a removed item", async () => {
    const app = await roadmapApp();
    const ref = await openFeature(app);
    const board = app.github.as(app.people.owner).board("medic", BOARD);
    await app.deliver(board.archive(ref));
    expect(cardState(app.github, ref).roadmap).toMatchObject({ event: "archived" });
    expect(cards(app.github, ref)[0]?.body).toContain("archived on the roadmap board");
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: building"));
    expect(app.github.projectItem("medic", BOARD, ref)).toMatchObject({
      archived: true,
      fields: { Stage: "Active" },
    });
    await app.deliver(board.restore(ref));
    expect(cards(app.github, ref)[0]?.body).toContain("restored on the roadmap board");
    await app.deliver(board.remove(ref));
    expect(cards(app.github, ref)[0]?.body).toContain("removed from the roadmap board");
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: testing"));
    expect(app.github.projectItem("medic", BOARD, ref)).toBeUndefined();
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "roadmap"));
    expect(stage(app, ref)).toBe("Active");
    expect(cardState(app.github, ref).roadmap).toMatchObject({ event: "added" });
  });

  it("recognises a draft converted to an issue in the draft's stage", async () => {
    const app = await roadmapApp();
    const converted = app.github
      .as(app.people.owner)
      .board("medic", BOARD)
      .convertDraft(app.repo, { title: "Offline maps", fields: { Stage: "Active" } });
    await app.deliver(converted);
    expect(cardState(app.github, converted.ref)).toMatchObject({ phase: "building" });
    expect(app.github.labelsOf(converted.ref)).toEqual(["phase: building"]);
  });
});

describe("roadmap: problems and several repositories", () => {
  it("tells maintainers of a missing option in the config issue, never on the card", async () => {
    const app = await roadmapApp({ stages: ["Emerging", "Active"] });
    const ref = await openFeature(app);
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: measure"));
    await app.deliver(app.github.as(app.people.maintainer).comment(ref, "/interested"));
    expect(cards(app.github, ref)[0]?.body).not.toContain("Winding Down");
    const [report, ...more] = openConfigIssues(app);
    expect(more).toEqual([]);
    expect(report?.author).toBe(app.github.appLogin);
    const shown = report?.body.split("<!--")[0] ?? "";
    expect(shown.match(/no option “Winding Down”/g)).toHaveLength(1);
    expect(app.github.labelsOf(ref)).toEqual(["phase: measure"]);
    expect(stage(app, ref)).toBe("Emerging");

    // Back in a phase the board has: the problem is gone, and so is the report.
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: building"));
    expect(openConfigIssues(app)).toEqual([]);
  });

  it("closes a report of a board fixed while the app was down, at the next event", async () => {
    const app = await roadmapApp({ stages: ["Emerging", "Active"] });
    const ref = await openFeature(app);
    await app.deliver(app.github.as(app.people.maintainer).addLabel(ref, "phase: measure"));
    expect(openConfigIssues(app)).toHaveLength(1);
    // A maintainer moves it back while the app is down; a new process hears of something else.
    app.github.as(app.people.maintainer).addLabel(ref, "phase: building");
    const restarted = await bootApp(app, app.clock, app.search);
    await restarted(app.github.as(app.people.writer).comment(ref, "/interested"));
    expect(openConfigIssues(app)).toEqual([]);
  });

  it("tells maintainers of a missing field and a missing permission, not the public", async () => {
    const app = await roadmapApp({ config: ROADMAP.replace("field: Stage", "field: Phase") });
    const ref = await openFeature(app);
    expect(cards(app.github, ref)[0]?.body).not.toContain("Phase”");
    expect(openConfigIssues(app)[0]?.body).toContain("has no field “Phase”");
    expect(app.github.labelsOf(ref)).toEqual(["phase: inception"]);

    const denied = await roadmapApp();
    denied.github.setProjectAccess("read");
    const other = await openFeature(denied);
    expect(cards(denied.github, other)[0]?.body).not.toContain("may read but not change");
    expect(openConfigIssues(denied)[0]?.body).toContain("may read but not change");
    expect(denied.github.projectItem("medic", BOARD, other)).toBeUndefined();
  });

  it("keeps two repositories with different mappings on one board", async () => {
    const app = await roadmapApp({ repos: ["cht-core", "cht-docs"] });
    const docs = app.repos[1];
    if (!docs) throw new Error("two repositories expected");
    const docsConfig = ROADMAP.replace("inception: Emerging", "inception: Active").replace(
      "building: Active",
      "building: Winding Down",
    );
    app.github.setFile(docs, ".github/squad-bot.yml", docsConfig);
    const core = await openFeature(app);
    const doc = await openFeature(app, docs);
    expect(stage(app, core)).toBe("Emerging");
    expect(stage(app, doc)).toBe("Active");
    const board = app.github.as(app.people.owner).board("medic", BOARD);
    await app.deliver(board.set(doc, "Stage", "Winding Down"));
    expect(cardState(app.github, doc).phase).toBe("building");
    await app.deliver(board.set(core, "Stage", "Winding Down"));
    expect(cardState(app.github, core).phase).toBe("measure");
  });
});
