/** Which template questions a request leaves unanswered: issue forms and classic templates. */
import { describe, expect, it } from "vitest";
import { missingTemplateAnswers } from "../../src/features/similar/template-answers.js";

// medic/cht-core's two templates (see shared/cht-practice.md).
const FEATURE = [
  "Is your feature request related to a problem? Please describe.",
  "Describe the solution you'd like",
  "Describe alternatives you've considered",
  "Additional context",
];
const IMPROVEMENT = [
  "What feature do you want to improve?",
  "Describe the improvement you'd like",
  "Describe alternatives you've considered",
  "Additional context",
];

describe("missingTemplateAnswers", () => {
  it("finds every question of an untouched classic feature template", () => {
    const body = [
      "**Is your feature request related to a problem? Please describe.**",
      "A clear and concise description of what the problem is. Ex. I'm always frustrated when [...]",
      "",
      "**Describe the solution you'd like**",
      "A clear and concise description of what you want to happen.",
      "",
      "**Describe alternatives you've considered**",
      "A clear and concise description of any alternative solutions or features you've considered.",
      "",
      "**Additional context**",
      "Add any other context or screenshots about the feature request here.",
    ].join("\n");
    expect(missingTemplateAnswers(body, FEATURE)).toEqual(FEATURE);
  });

  it("keeps answered questions off the list (cht-core feature template, partly filled)", () => {
    const body = [
      "**Is your feature request related to a problem? Please describe.**",
      "CHWs create duplicate households because search is rarely used.",
      "**Describe the solution you'd like**",
      "Warn before saving a contact that looks like an existing sibling.",
      "**Describe alternatives you've considered**",
      "",
      "**Additional context**",
    ].join("\n");
    expect(missingTemplateAnswers(body, FEATURE)).toEqual([
      "Describe alternatives you've considered",
      "Additional context",
    ]);
  });

  it("reads the cht-core improvement template with headings left empty", () => {
    const body = [
      "**What feature do you want to improve?**",
      "Targets for CHWs only show the current month.",
      "",
      "**Describe the improvement you'd like**",
      "",
      "**Describe alternatives you've considered**",
      "",
      "**Additional context**",
    ].join("\n");
    expect(missingTemplateAnswers(body, IMPROVEMENT)).toEqual(IMPROVEMENT.slice(1));
  });

  it("treats issue forms' _No response_ as no answer", () => {
    const body = [
      "### What feature do you want to improve?",
      "",
      "The reports list on mobile.",
      "",
      "### Describe the improvement you'd like",
      "",
      "_No response_",
      "",
      "### Describe alternatives you've considered",
      "",
      "None, really: we tried filters.",
      "",
      "### Additional context",
      "",
      "_No response_",
    ].join("\n");
    expect(missingTemplateAnswers(body, IMPROVEMENT)).toEqual([
      "Describe the improvement you'd like",
      "Additional context",
    ]);
  });

  it("counts a question whose heading was deleted as unanswered", () => {
    expect(
      missingTemplateAnswers("Just a sentence.", ["Describe the solution you'd like"]),
    ).toEqual(["Describe the solution you'd like"]);
  });

  it("treats a configured placeholder left as is, and HTML-comment hints, as no answer", () => {
    const body = [
      "## Who needs it?",
      "<!-- Name the organizations -->",
      "## Acceptance",
      "List the checks here.",
      "## Scope",
      "Only the web app.",
    ].join("\n");
    const questions = [
      "Who needs it?",
      { question: "Acceptance", placeholder: "List the checks here" },
      "Scope",
    ];
    expect(missingTemplateAnswers(body, questions)).toEqual(["Who needs it?", "Acceptance"]);
  });

  it("ignores headings inside code blocks and accepts an answer on the heading's line", () => {
    const body = [
      "**Describe the solution you'd like** Merge the duplicates on the server.",
      "```",
      "**Additional context**",
      "```",
    ].join("\n");
    expect(
      missingTemplateAnswers(body, ["Describe the solution you'd like", "Additional context"]),
    ).toEqual(["Additional context"]);
  });

  it("reads headings as the rest of the bot does: setext, CRLF, code and quotes", () => {
    const questions = ["Scope", "Who needs it?", "Why now?", "Anything else?"];
    const body = [
      "Scope",
      "-----",
      "Only the web app.",
      "",
      "    ### Who needs it?",
      "",
      "> ### Why now?",
      "> Because.",
      "",
      "### Anything else?",
      "**Offline** matters most.",
    ].join("\r\n");
    expect(missingTemplateAnswers(body, questions)).toEqual(["Who needs it?", "Why now?"]);
  });
});
