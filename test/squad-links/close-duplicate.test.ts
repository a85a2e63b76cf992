/**
 * The close that `/duplicate` sends, validated against GitHub's schema. @octokit/graphql-schema's
 * JSON (what test/support/graphql-schema.ts builds from) predates the duplicate close: it lacks
 * `DUPLICATE` and `duplicateIssueId`, which its SDL has, so this document is checked on the SDL.
 */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { buildASTSchema, getVariableValues, Kind, parse, validate } from "graphql";
import { describe, expect, it } from "vitest";
import { buildMutation } from "../../src/github/octokit/graphql/mutate.js";
import type { MutationOp } from "../../src/github/types.js";

// The SDL defines one field twice, which full SDL validation rejects; GitHub's server does not.
const sdl = readFileSync(
  fileURLToPath(
    new URL("../../node_modules/@octokit/graphql-schema/schema.graphql", import.meta.url),
  ),
  "utf8",
);
const schema = buildASTSchema(parse(sdl), { assumeValidSDL: true });

function errorsOf(ops: MutationOp[]): string[] {
  const { query, variables } = buildMutation(ops);
  const document = parse(query);
  const errors = validate(schema, document).map((e) => e.message);
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const coerced = getVariableValues(schema, definition.variableDefinitions ?? [], variables);
    errors.push(...(coerced.errors ?? []).map((e) => e.message));
  }
  return errors;
}

describe("closing as a duplicate", () => {
  it.each<[string, MutationOp]>([
    ["with the reason", { op: "closeIssue", issueId: "I_2", reason: "DUPLICATE" }],
    [
      "naming the original",
      { op: "closeIssue", issueId: "I_2", reason: "DUPLICATE", duplicateIssueId: "I_1" },
    ],
  ])("is a valid document %s", (_name, op) => {
    expect(errorsOf([op, { op: "addComment", subjectId: "I_2", body: "Duplicate of #1" }])).toEqual(
      [],
    );
  });

  it("would be refused with a reason GitHub does not know", () => {
    const op = { op: "closeIssue", issueId: "I_2", reason: "SPAM" } as unknown as MutationOp;
    expect(errorsOf([op]).join("\n")).toContain("SPAM");
  });
});
