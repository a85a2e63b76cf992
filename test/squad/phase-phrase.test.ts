/** `/phase <name> [reason]`: the configured names decide where the name ends. */
import { describe, expect, it } from "vitest";
import { readPhasePhrase } from "../../src/features/squad/phase-phrase.js";
import { presetConfig } from "../support/config.js";

const cht = presetConfig({ preset: "cht" });
const journey = presetConfig();
const read = (phrase: string, config = cht) => {
  const result = readPhasePhrase(config, phrase);
  return result.ok ? { id: result.phase.id, reason: result.reason } : result;
};

describe("reading a /phase phrase", () => {
  it.each([
    ["Early Design Discussion", "early-design", null],
    ["early design discussion we met on Tuesday", "early-design", "we met on Tuesday"],
    ["Squad: Review", "review", null],
    ["Squad: Review, ready for eyes", "review", "ready for eyes"],
    ["Squad: Development/Building", "building", null],
    ["Requirements & Design.", "requirements-design", null],
    ["review the PR is up", "review", "the PR is up"],
    ['"Early Design Discussion" agreed', "early-design", "agreed"],
    ["`done`", "done", null],
    ["emer scope is clear", "emerging", "scope is clear"],
  ])("%j is %s with reason %j", (phrase, id, reason) => {
    expect(read(phrase)).toEqual({ id, reason });
  });

  it("the longest name wins over a shorter one that starts it", () => {
    const config = presetConfig({
      phases: [
        { id: "design", name: "Design" },
        { id: "design-review", name: "Design Review" },
      ],
    });
    expect(read("Design Review today", config)).toEqual({ id: "design-review", reason: "today" });
    expect(read("Design today", config)).toEqual({ id: "design", reason: "today" });
  });

  it("an unknown or ambiguous name says what was typed", () => {
    expect(readPhasePhrase(cht, "shipping soon")).toEqual({
      ok: false,
      problem: "unknown",
      typed: "shipping",
    });
    expect(readPhasePhrase(journey, "s")).toMatchObject({ ok: true, phase: { id: "sunset" } });
    expect(readPhasePhrase(cht, "re")).toMatchObject({
      ok: false,
      problem: "ambiguous",
      typed: "re",
    });
  });

  it("a reason over 300 characters is refused after the name is taken out", () => {
    expect(readPhasePhrase(cht, `Early Design Discussion ${"x".repeat(300)}`)).toMatchObject({
      ok: true,
    });
    expect(readPhasePhrase(cht, `Early Design Discussion ${"x".repeat(301)}`)).toEqual({
      ok: false,
      problem: "reason-too-long",
      length: 301,
      max: 300,
    });
  });
});
