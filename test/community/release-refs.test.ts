/** Issue references in release notes: local, cross-repository and URL forms; code is not read. */
import { describe, expect, it } from "vitest";
import { featureRefsInRelease } from "../../src/features/community/release-refs.js";

const CORE = { owner: "medic", repo: "cht-core" };
const refs = (body: string | null) =>
  featureRefsInRelease(body, CORE).map((r) => `${r.owner}/${r.repo}#${r.number}`);

describe("featureRefsInRelease", () => {
  it.each([
    ["- Offline maps (#123)", ["medic/cht-core#123"]],
    ["Fixes #1, #22 and GH-333.", ["medic/cht-core#1", "medic/cht-core#22", "medic/cht-core#333"]],
    ["Squad: medic/cht-roadmap#45", ["medic/cht-roadmap#45"]],
    ["See https://github.com/medic/cht-roadmap/issues/46 for the squad", ["medic/cht-roadmap#46"]],
    ["<https://github.com/medic/cht-core/issues/7>.", ["medic/cht-core#7"]],
    ["Merged https://github.com/medic/cht-core/pull/9000", []],
    ["https://github.com/medic/cht-core/issues/5#issuecomment-1", ["medic/cht-core#5"]],
    ["#12 again #12 and medic/CHT-core#12", ["medic/cht-core#12"]],
    ["`#99` is code, so is\n```\nfix #98\n```\nbut #97 is not", ["medic/cht-core#97"]],
    ["HTML entity &#123; and a path a/b/c#4 and anchor page#3 are not refs", []],
    ["## Features\n\n* [cht-core#8] nope; medic/cht-docs#8 yes", ["medic/cht-docs#8"]],
    ["", []],
  ])("%j → %j", (body, expected) => {
    expect(refs(body)).toEqual(expected);
  });

  it("reads a release without notes as none", () => {
    expect(refs(null)).toEqual([]);
  });

  it("keeps the order of first appearance across forms", () => {
    expect(refs("https://github.com/medic/cht-core/issues/3 then #1 then medic/x#2")).toEqual([
      "medic/cht-core#3",
      "medic/cht-core#1",
      "medic/x#2",
    ]);
  });
});
