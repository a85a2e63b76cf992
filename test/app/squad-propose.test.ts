/** `/squad propose` through real deliveries: the squad issue, both-way links, followers, phase echo, board. */
import { describe, expect, it } from "vitest";
import { startApp, type TestApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const SQUADS = `
squads:
  repo: medic/cht-roadmap
  labels: [Squad]
`;
const BOARD = `
roadmap:
  project: { org: medic, number: 7 }
  field: Stage
  options: { inception: Emerging, convergence: Emerging, building: Active }
`;
const REQUEST = {
  title: "Show sync status",
  body: "### Is your feature request related to a problem? Please describe.\nCHWs cannot tell whether their data synced.\n\n### Describe alternatives\n_No response_",
};

async function proposal(extra = SQUADS) {
  const app = await startApp({
    config: `preset: squad-journey\n${extra}`,
    repos: ["cht-core", "cht-roadmap"],
  });
  const roadmap = app.repos[1] ?? app.repo;
  const opened = app.github.as(app.people.user).openIssue(app.repo, REQUEST);
  await app.deliver(opened);
  await app.deliverEchoes();
  return { app, request: opened.ref, roadmap, squad: { ...roadmap, number: 1 } };
}

const squadIssues = (app: TestApp, roadmap: TestApp["repo"]) => app.github.issues(roadmap);

describe("/squad propose", () => {
  it("opens one squad issue with the template's sections, linked both ways, followers copied", async () => {
    const { app, request, roadmap, squad } = await proposal();
    const { maintainer, owner } = app.people;
    await app.deliver(app.github.as(owner).comment(request, "/interested"));
    await app.deliver(app.github.as("ada-joiner").comment(request, "/join"));
    await app.deliver(
      app.github.as(maintainer).comment(request, "/link scope https://docs.example.org/scope"),
    );

    app.github.resetRequests();
    const command = app.github.as(maintainer).comment(request, "/squad propose");
    await app.deliver(command);
    expect(app.github.requests.map((r) => r.method)).toEqual([
      "readAhead", // the config, with the request
      "getPermission",
      "readAhead", // cht-roadmap's config
      "listIssuesWithLabel", // a squad issue opened before?
      "createIssue",
      "mutate", // the request's card and 👍
      "loadIssue", // the squad issue
      "mutate", // create the phase label
      "mutate", // its label and card
      "loadIssue", // the request again, for the squad's phase
      "mutate",
    ]);

    const [issue, ...others] = squadIssues(app, roadmap);
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ title: "Squad: Show sync status", author: app.github.appLogin });
    expect(issue?.labels).toEqual(["Squad", "phase: inception"]);
    const body = issue?.body ?? "";
    for (const heading of [
      "### Overview",
      "### Important Resources",
      "### Contributing Organizations",
    ]) {
      expect(body).toContain(heading);
    }
    expect(body).toContain(
      `[medic/cht-core#${request.number}](https://github.com/medic/cht-core/issues/${request.number})`,
    );
    expect(body).toContain("https://docs.example.org/scope");
    expect(body).toContain("CHWs cannot tell");
    expect(body).not.toContain("No response");

    const squadState = cardState(app.github, squad);
    expect(squadState).toMatchObject({
      phase: "inception",
      interested: ["ada-joiner", owner, app.people.user],
      requests: [{ repo: "medic/cht-core", number: request.number }],
    });
    expect(cardState(app.github, request).squad).toEqual({
      repo: "medic/cht-roadmap",
      number: 1,
      phase: "Inception",
    });
    expect(cards(app.github, request)[0]?.body).toContain(
      "**Squad:** [medic/cht-roadmap#1](https://github.com/medic/cht-roadmap/issues/1) is in Inception",
    );
    expect(cards(app.github, squad)[0]?.body).toContain("**Requests:** [medic/cht-core#1]");

    // Redelivered, and proposed again: the same squad issue, nobody added twice, no write.
    app.github.resetRequests();
    await app.deliver(command);
    await app.deliver(app.github.as(maintainer).comment(request, "/squad propose"));
    expect(squadIssues(app, roadmap)).toHaveLength(1);
    expect(app.github.requestCount("createIssue")).toBe(0);
    expect(app.github.requestCount("listIssuesWithLabel")).toBe(0);
    expect(cardState(app.github, squad).interested).toHaveLength(3);
  });

  it("shows the squad issue's later phase changes on the request's card", async () => {
    const { app, request, squad } = await proposal();
    await app.deliver(app.github.as(app.people.maintainer).comment(request, "/squad propose"));
    await app.deliverEchoes();
    await app.deliver(app.github.as(app.people.maintainer).addLabel(squad, "phase: convergence"));
    expect(cardState(app.github, squad).phase).toBe("convergence");
    expect(cardState(app.github, request).squad?.phase).toBe("Convergence");
    expect(cards(app.github, request)[0]?.body).toContain("is in Convergence");
    expect(cardState(app.github, request).phase).toBe("inception");
  });

  it("finds the squad issue it opened when the request's card missed the link", async () => {
    const { app, request, roadmap } = await proposal();
    const command = app.github.as(app.people.maintainer).comment(request, "/squad propose");
    app.github.failOp("updateComment");
    await app.deliver(command);
    expect(cardState(app.github, request).squad).toBeUndefined();
    await app.deliver(command);
    expect(squadIssues(app, roadmap)).toHaveLength(1);
    expect(cardState(app.github, request).squad?.number).toBe(1);
  });

  it("is refused for people who are not maintainers, and where squads are not configured", async () => {
    const { app, request, roadmap } = await proposal();
    await app.deliver(app.github.as(app.people.user).comment(request, "/squad propose"));
    expect(squadIssues(app, roadmap)).toEqual([]);
    expect(botMessages(app.github, request).join("\n")).toContain("only a maintainer");

    const bare = await proposal("");
    await bare.app.deliver(
      bare.app.github.as(bare.app.people.maintainer).comment(bare.request, "/squad propose"),
    );
    expect(squadIssues(bare.app, bare.roadmap)).toEqual([]);
    expect(botMessages(bare.app.github, bare.request).join("\n")).toContain("`squads:`");
  });

  it("puts the squad issue on the roadmap board when the roadmap repository has one", async () => {
    const { app, request, squad } = await (async () => {
      const started = await startApp({
        config: `preset: squad-journey\n${SQUADS}${BOARD}`,
        repos: ["cht-core", "cht-roadmap"],
      });
      started.github.addProject("medic", {
        number: 7,
        title: "Roadmap",
        fields: [{ name: "Stage", type: "singleSelect", options: ["Emerging", "Active"] }],
      });
      const opened = started.github.as(started.people.user).openIssue(started.repo, REQUEST);
      await started.deliver(opened);
      return {
        app: started,
        request: opened.ref,
        squad: { ...(started.repos[1] ?? started.repo), number: 1 },
      };
    })();
    await app.deliver(app.github.as(app.people.maintainer).comment(request, "/squad propose"));
    expect(app.github.projectItem("medic", 7, squad)).toMatchObject({
      fields: { Stage: "Emerging" },
    });
  });
});
