/** Which bodies carry a feature-request template's headings, read like every other heading. */
import { describe, expect, it } from "vitest";
import { looksLikeFeatureRequest } from "../../src/features/squad/recognize.js";
import { makeConfig } from "../squad-card/fixtures.js";

const config = makeConfig({
  recognize: { labels: [], templateHeadings: ["Is your feature request related to a problem?"] },
});
const recognized = (body: string) => looksLikeFeatureRequest(config, [], body);

describe("looksLikeFeatureRequest by template headings", () => {
  it.each([
    ["an issue form heading", "### Is your feature request related to a problem?\nYes.", true],
    [
      "a classic template's bold line",
      "**Is your feature request related to a problem? Please describe.**",
      true,
    ],
    [
      "a bold lead-in with the answer after it",
      "**Is your feature request related to a problem?** Yes",
      true,
    ],
    [
      "a setext heading, any case, closing colon",
      "IS YOUR FEATURE REQUEST RELATED TO A PROBLEM?:\n---",
      true,
    ],
    ["a heading with closing hashes", "## Is your feature request related to a problem? ##", true],
    ["in a fence it is code", "```\n### Is your feature request related to a problem?\n```", false],
    [
      "indented four spaces it is code",
      "    ### Is your feature request related to a problem?",
      false,
    ],
    [
      "in a quote it is someone else's",
      "> ### Is your feature request related to a problem?",
      false,
    ],
    [
      "in a comment it is hidden",
      "<!--\n### Is your feature request related to a problem?\n-->",
      false,
    ],
    [
      "in the middle of a line it is prose",
      "so **Is your feature request related to a problem?**",
      false,
    ],
  ])("%s", (_name, body, expected) => {
    expect(recognized(body)).toBe(expected);
  });
});
