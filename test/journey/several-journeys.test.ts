/**
 * Two journeys in one repository: CHT's squads, and implementations chosen per issue by the label
 * `journey: implementation`, each with its own phases, roles, board mapping and digest section.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config/load.js";
import { digestSettings } from "../../src/features/digest/config.js";
import { runDigest } from "../../src/features/digest/run.js";
import { FakeConfigPort, OWN, REPO } from "../config/fake-port.js";
import { MemoryDigestSource } from "../double/digest-source.js";
import { startApp, type TestApp } from "../support/app.js";
import { cardState } from "../support/cards.js";
import { templates } from "../support/templates.js";

const BOARD = 9;
const CONFIG = `preset: squad-journey
roadmap:
  project: { org: medic, number: ${BOARD} }
  field: Stage
  options: { inception: Emerging, building: Active }
journeys:
  - label: "journey: implementation"
    name: Implementations
    preset: cht-implementation
    roadmap:
      options: { initiation: Emerging, planning: Active, evaluation: Winding Down }
digests:
  weekly: {}
`;

async function twoJourneys(): Promise<TestApp> {
  const app = await startApp({ config: CONFIG });
  app.github.addProject("medic", {
    number: BOARD,
    title: "Roadmap",
    fields: [
      { name: "Stage", type: "singleSelect", options: ["Emerging", "Active", "Winding Down"] },
    ],
  });
  return app;
}

async function openBoth(app: TestApp) {
  const request = app.github.as(app.people.user).openIssue(app.repo, {
    title: "Offline sync status",
    body: "### Is your feature request related to a problem?\nCHWs cannot tell.",
  });
  await app.deliver(request);
  const implementation = app.github.as(app.people.maintainer).openIssue(app.repo, {
    title: "Kisumu deployment",
    body: "## Considerations\n- [ ] Scope\n",
    labels: ["journey: implementation"],
  });
  await app.deliver(implementation);
  return { request: request.ref, implementation: implementation.ref };
}

describe("several journeys in one repository", () => {
  it("puts each issue in its journey: its phases, labels, roles and board option", async () => {
    const app = await twoJourneys();
    const { request, implementation } = await openBoth(app);
    expect(cardState(app.github, request).phase).toBe("inception");
    const state = cardState(app.github, implementation);
    expect(state.phase).toBe("initiation");
    expect(state.journey).toBe("cht-implementation");
    expect(app.github.issue(implementation)?.labels).toContain("stage: initiation");
    expect(app.github.projectItem("medic", BOARD, implementation)?.fields).toMatchObject({
      Stage: "Emerging",
    });

    const lead = app.people.maintainer;
    await app.deliver(
      app.github.as(lead).comment(implementation, "/link scope https://docs.example.org/s"),
    );
    await app.deliver(app.github.as(lead).comment(implementation, "/phase planning"));
    expect(cardState(app.github, implementation).phase).toBe("planning");
    // The implementation's own mapping on the shared board.
    expect(app.github.projectItem("medic", BOARD, implementation)?.fields).toMatchObject({
      Stage: "Active",
    });

    await app.deliver(app.github.as(app.people.user).comment(implementation, "/role designer me"));
    expect(cardState(app.github, implementation).roles).toEqual({ designer: [app.people.user] });
    // The squad journey has no roles: said so on its issues.
    await app.deliver(app.github.as(app.people.user).comment(request, "/role designer me"));
    const replies = app.github.botComments(request).map((c) => c.body);
    expect(replies.join("\n")).toContain("this feature's journey has no roles");
  });

  it("a person's board move maps through the issue's own journey", async () => {
    const app = await twoJourneys();
    const { implementation } = await openBoth(app);
    await app.deliver(
      app.github
        .as(app.people.owner)
        .board("medic", BOARD)
        .set(implementation, "Stage", "Winding Down"),
    );
    expect(cardState(app.github, implementation).phase).toBe("evaluation");
  });

  it("groups the weekly digest's features by journey", async () => {
    const app = await twoJourneys();
    await openBoth(app);
    const loaded = await loadConfig(app.github, app.repo, templates);
    if (loaded.ok !== true) throw new Error("invalid config");
    app.clock.advance({ days: 7 });
    const digest = await runDigest({
      port: app.github,
      source: new MemoryDigestSource(app.github),
      home: app.repo,
      config: loaded.config,
      digests: digestSettings(loaded.config),
      kind: "weekly",
      now: app.clock.now(),
      author: app.github.appLogin,
      templates,
    });
    const markdown = digest.rendered.markdown;
    expect(markdown).toContain("#### Inception (1)");
    expect(markdown).toContain("#### Implementations: Initiation (1)");
    expect(markdown).toContain("2 open features");
  });
});

describe("invalid journeys", () => {
  async function problemsOf(text: string) {
    const result = await loadConfig(new FakeConfigPort({ [OWN]: text }), REPO, templates);
    if (result.ok !== false) throw new Error(`expected problems, got ${JSON.stringify(result)}`);
    return result.problems.map(({ path, message }) => ({ path, message }));
  }

  it("names a board mapping key that is not a phase of the journey's preset", async () => {
    const text = `journeys:\n  - label: "journey: implementation"\n    preset: cht-implementation\n    roadmap:\n      options: { plannig: Active }\n`;
    expect(await problemsOf(text)).toEqual([
      {
        path: "journeys[0].roadmap.options.plannig",
        message: expect.stringContaining(
          "`plannig` is not a phase of the `cht-implementation` preset",
        ),
      },
    ]);
  });

  it("refuses a journey label that is a phase label, and an unknown preset", async () => {
    expect(
      await problemsOf(`journeys:\n  - label: "phase: building"\n    preset: cht-implementation\n`),
    ).toEqual([
      {
        path: "journeys[0].label",
        message: "`phase: building` is a phase label; a journey needs a label of its own",
      },
    ]);
    const [unknown] = await problemsOf(`journeys:\n  - label: impl\n    preset: cht-impl\n`);
    expect(unknown?.path).toBe("journeys[0].preset");
  });
});
