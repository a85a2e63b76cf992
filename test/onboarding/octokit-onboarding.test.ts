/** The onboarding read over GraphQL: valid against GitHub's schema, the app's own issues and cards only. */
import { describe, expect, it } from "vitest";
import { encodeMarker } from "../../src/core/markers.js";
import { ONBOARDING_LABEL } from "../../src/features/onboarding/status.js";
import { cardState } from "../digest/fixtures.js";
import { createPort, mockGraphql, useNock } from "../github/octokit/setup.js";
import { validateRequest } from "../support/graphql-schema.js";

const REPO = { owner: "medic", repo: "cht-core" };
const card = encodeMarker(
  "card",
  cardState({ title: "x", history: [["idea", "2026-11-24T10:00:00Z", "mia"]] }),
);
const issue = (number: number, viewerDidAuthor: boolean) => ({
  id: `I_${number}`,
  number,
  title: "squad-bot onboarding",
  body: encodeMarker("onboarding", {}),
  state: "OPEN",
  createdAt: "2026-11-20T10:00:00Z",
  viewerDidAuthor,
  author: { login: viewerDidAuthor ? "squad-bot" : "mallory" },
});
const answer = (cardBy: boolean) => ({
  data: {
    repository: {
      id: "R_1",
      labels: { nodes: [{ name: "enhancement" }, null] },
      onboarding: { nodes: [issue(3, false), issue(7, true)] },
      tracked: {
        nodes: [{ number: 9, comments: { nodes: [{ body: card, viewerDidAuthor: cardBy }] } }],
      },
    },
  },
});

describe("loadOnboarding over GraphQL", () => {
  useNock();

  it("sends one valid query and tells the app's issues and cards from pasted ones", async () => {
    const bodies = mockGraphql(answer(false));
    const { github, requests } = createPort();
    const read = await github.loadOnboarding(REPO, ONBOARDING_LABEL, ["phase: idea"]);
    expect(requests).toEqual(["loadOnboarding"]);
    expect(validateRequest(bodies[0]?.query ?? "", bodies[0]?.variables ?? {})).toEqual([]);
    expect(bodies[0]?.variables).toMatchObject({
      label: ONBOARDING_LABEL,
      cardLabels: ["phase: idea"],
    });
    expect(read.labels).toEqual(["enhancement"]);
    expect(read.issues.map((i) => [i.number, i.byThisApp])).toEqual([
      [3, false],
      [7, true],
    ]);
    // A card marker someone pasted does not make the repository one squad-bot ran in.
    expect(read.cardFound).toBe(false);
  });

  it("finds the app's own card: it ran here before onboarding existed", async () => {
    mockGraphql(answer(true));
    const { github } = createPort();
    expect((await github.loadOnboarding(REPO, ONBOARDING_LABEL, ["phase: idea"])).cardFound).toBe(
      true,
    );
  });
});
