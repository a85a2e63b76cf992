/**
 * One CHT implementation through the `cht-implementation` preset on the in-memory GitHub: its
 * stages' gates, people in roles and whom each stage's notice tells, and two cycles.
 */
import { describe, expect, it } from "vitest";
import type { IssueRef } from "../../src/github/types.js";
import { startApp, type TestApp } from "../support/app.js";
import { botMessages, cardState, cards } from "../support/cards.js";

const CONSIDERATIONS = [
  "Scope",
  "Technical requirements",
  "Context",
  "Human resource requirements",
];

function body(ticked: boolean, hosting = "_No response_"): string {
  const box = ticked ? "[x]" : "[ ]";
  return [
    "A CHT app for community health workers in two districts.",
    "",
    "## Considerations",
    ...CONSIDERATIONS.map((item) => `- ${box} ${item}`),
    "",
    "## Hosting option",
    hosting,
  ].join("\n");
}

const LEAD = "mia-maintainer";
const DESIGNER = "dee-designer";
const DEVELOPER = "dan-developer";

async function say(app: TestApp, ref: IssueRef, login: string, text: string) {
  const event = app.github.as(login).comment(ref, text);
  await app.deliver(event);
  return event;
}

const lastReply = (app: TestApp, ref: IssueRef) => botMessages(app.github, ref).at(-1) ?? "";
/** Phase notices, told apart from command replies by their once-key. */
const notices = (app: TestApp, ref: IssueRef) =>
  botMessages(app.github, ref).filter((m) => m.includes('"key":"transition:'));
const phaseOf = (app: TestApp, ref: IssueRef) => cardState(app.github, ref).phase;

async function startImplementation() {
  const app = await startApp({ config: "preset: cht-implementation\n" });
  for (const login of [DESIGNER, DEVELOPER]) app.github.addAccount(login);
  const opened = app.github
    .as(app.people.user)
    .openIssue(app.repo, { title: "Kisumu CHW app", body: body(false) });
  await app.deliver(opened);
  return { app, ref: opened.ref };
}

/** Initiation → Evaluation with every gate met on the way; the body is already complete. */
async function runCycle(app: TestApp, ref: IssueRef) {
  for (const stage of [
    "design",
    "building",
    "hosting",
    "implementation",
    "support",
    "evaluation",
  ]) {
    await say(app, ref, LEAD, `/phase ${stage}`);
    expect(phaseOf(app, ref)).toBe(stage);
  }
}

describe("the cht-implementation journey", () => {
  it("recognises an implementation by its considerations heading and starts in Initiation", async () => {
    const { app, ref } = await startImplementation();
    expect(phaseOf(app, ref)).toBe("initiation");
    const [card] = cards(app.github, ref);
    expect(card?.body).toContain("Key activities for Initiation");
    expect(card?.body).toContain("Understand the capabilities and features of the CHT");
    expect(app.github.issue(ref)?.labels).toContain("stage: initiation");
  });

  it("holds each stage until what the one before must settle is there", async () => {
    const { app, ref } = await startImplementation();
    await say(app, ref, LEAD, "/lead me");
    await say(app, ref, LEAD, "/phase planning");
    expect(phaseOf(app, ref)).toBe("initiation");
    expect(lastReply(app, ref)).toContain("scope of work");

    await say(app, ref, LEAD, "/link scope https://docs.example.org/kisumu-scope");
    await say(app, ref, LEAD, "/phase planning");
    expect(phaseOf(app, ref)).toBe("planning");

    await say(app, ref, LEAD, "/phase design");
    expect(phaseOf(app, ref)).toBe("planning");
    expect(lastReply(app, ref)).toContain("0 of 4 considerations checked");
    await app.deliver(app.github.as(app.people.writer).editBody(ref, body(true)));
    for (const stage of ["design", "building", "hosting"]) {
      await say(app, ref, LEAD, `/phase ${stage}`);
    }
    expect(phaseOf(app, ref)).toBe("hosting");

    await say(app, ref, LEAD, "/phase implementation");
    expect(phaseOf(app, ref)).toBe("hosting");
    expect(lastReply(app, ref)).toContain("answers “Hosting option”");
    await app.deliver(
      app.github.as(app.people.writer).editBody(ref, body(true, "Self-hosted on the MoH servers")),
    );
    await say(app, ref, LEAD, "/phase implementation");
    await say(app, ref, LEAD, "/phase support");
    expect(phaseOf(app, ref)).toBe("implementation");
    expect(lastReply(app, ref)).toContain("training plan");
    await say(app, ref, LEAD, "/link training https://docs.example.org/training-plan");
    await say(app, ref, LEAD, "/phase support");
    expect(phaseOf(app, ref)).toBe("support");
  });

  it("lists people by role, shows the stage's unfilled roles, and tells only the roles a stage involves", async () => {
    const { app, ref } = await startImplementation();
    await say(app, ref, LEAD, "/lead me\n/link scope https://docs.example.org/scope");
    await say(app, ref, DEVELOPER, "/role developer me");
    // Naming someone else is the lead's.
    await say(app, ref, DEVELOPER, `/role designer @${DESIGNER}`);
    expect(lastReply(app, ref)).toContain("naming someone else needs the squad lead");
    expect(cardState(app.github, ref).roles).toEqual({ developer: [DEVELOPER] });
    await say(app, ref, LEAD, `/role designer @${DESIGNER}\n/role tecnician me`);
    expect(lastReply(app, ref)).toContain("this journey has no role `tecnician`");
    expect(cardState(app.github, ref).roles).toEqual({
      developer: [DEVELOPER],
      designer: [DESIGNER],
    });

    await say(app, ref, LEAD, "/phase planning");
    await app.deliver(app.github.as(app.people.writer).editBody(ref, body(true)));
    await say(app, ref, LEAD, "/phase design");
    const [card] = cards(app.github, ref);
    expect(card?.body).toContain(`Designers: [${DESIGNER}](https://github.com/${DESIGNER})`);
    expect(card?.body).toContain("**Design involves:** Designers ✅, Technical support ⬜");
    const notice = notices(app, ref).at(-1);
    expect(notice).toContain("Design");
    expect(notice).toContain(`@${DESIGNER}`);
    // A developer is not needed in Design: not mentioned.
    expect(notice).not.toContain(`@${DEVELOPER}`);

    await say(app, ref, LEAD, "/phase building");
    const building = notices(app, ref).at(-1);
    expect(building).toContain("Building");
    expect(building).toContain(`@${DEVELOPER}`);
    expect(building).not.toContain(`@${DESIGNER}`);

    await say(app, ref, DESIGNER, "/role designer none");
    expect(cardState(app.github, ref).roles).toEqual({ developer: [DEVELOPER] });
  });

  it("goes round two cycles, counting each once, with history and timeline per cycle", async () => {
    const { app, ref } = await startImplementation();
    await app.deliver(
      app.github
        .as(app.people.writer)
        .editBody(ref, body(true, "Cloud hosting by a CHT technical partner")),
    );
    await say(
      app,
      ref,
      LEAD,
      "/lead me\n/link scope https://docs.example.org/scope\n/link training https://docs.example.org/training",
    );
    await say(app, ref, LEAD, "/phase planning");
    await runCycle(app, ref);

    const next = await say(app, ref, LEAD, "/cycle next the evaluation asks for a referral form");
    expect(phaseOf(app, ref)).toBe("planning");
    expect(cardState(app.github, ref).cycle).toBe(2);
    // GitHub redelivers the same comment: still cycle 2.
    await app.deliver(next);
    expect(cardState(app.github, ref).cycle).toBe(2);
    const [card] = cards(app.github, ref);
    expect(card?.body).toContain("### Squad card: Planning · cycle 2");
    expect(card?.body).toContain("Planning (cycle 2)");

    await runCycle(app, ref);
    // From Evaluation, moving back by phase name starts the next cycle too.
    await say(app, ref, LEAD, "/phase planning");
    const state = cardState(app.github, ref);
    expect(state.cycle).toBe(3);
    expect(state.history.filter((entry) => entry.phase === "evaluation")).toHaveLength(2);
    expect(state.history.filter((entry) => entry.cycle === 2)).toHaveLength(7);
    const timeline = cards(app.github, ref)[0]?.body ?? "";
    expect(timeline).toContain("section Cycle 1");
    expect(timeline).toContain("section Cycle 2");
    expect(timeline).toContain("section Cycle 3");
  });

  it("starts a cycle only from where one ends, and a backward move elsewhere stays in its cycle", async () => {
    const { app, ref } = await startImplementation();
    await say(app, ref, LEAD, "/lead me\n/link scope https://docs.example.org/scope");
    await say(app, ref, LEAD, "/phase planning");
    await say(app, ref, LEAD, "/cycle next");
    expect(lastReply(app, ref)).toContain("a new cycle starts from Evaluation");
    await say(app, ref, LEAD, "/phase initiation");
    expect(phaseOf(app, ref)).toBe("initiation");
    expect(cardState(app.github, ref).cycle).toBeUndefined();
  });
});

describe("roles and cycles elsewhere", () => {
  it("are off in a squad journey without them, and say so", async () => {
    const app = await startApp({ config: "preset: squad-journey\n" });
    const opened = app.github.as(app.people.user).openIssue(app.repo, {
      title: "Offline sync status",
      body: "### Is your feature request related to a problem?\nYes.",
    });
    await app.deliver(opened);
    await say(app, opened.ref, LEAD, "/role designer me\n/cycle next");
    const reply = lastReply(app, opened.ref);
    expect(reply).toContain("`/role` belongs to a part of squad-bot that is off");
    expect(reply).toContain("`roles`");
    expect(reply).toContain("`/cycle` belongs to a part of squad-bot that is off");
  });

  it("can be used by a squad preset: a role added to the squad journey", async () => {
    const config = [
      "preset: squad-journey",
      "roles:",
      "  - id: tester",
      "    name: Testers",
      "    phases: [testing]",
      "",
    ].join("\n");
    const app = await startApp({ config });
    const opened = app.github.as(app.people.user).openIssue(app.repo, {
      title: "Offline sync status",
      body: "### Is your feature request related to a problem?\nYes.",
    });
    await app.deliver(opened);
    await say(app, opened.ref, app.people.user, "/role tester me");
    expect(cardState(app.github, opened.ref).roles).toEqual({ tester: [app.people.user] });
  });
});
