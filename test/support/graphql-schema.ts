/** GitHub's published GraphQL schema, for tests that check our documents against it. */
import { schema as published } from "@octokit/graphql-schema";
import {
  buildClientSchema,
  type DocumentNode,
  GraphQLError,
  type GraphQLSchema,
  getVariableValues,
  Kind,
  parse,
  validate,
} from "graphql";

// Built from the introspection JSON rather than schema.graphql: the published SDL defines a
// field twice, which buildSchema rejects, and this is the form the package's own validator uses.
let built: GraphQLSchema | undefined;
function githubSchema(): GraphQLSchema {
  built ??= buildClientSchema(published.json as Parameters<typeof buildClientSchema>[0]);
  return built;
}

function parsed(doc: string): DocumentNode | string[] {
  try {
    return parse(doc);
  } catch (error) {
    return [error instanceof GraphQLError ? error.message : String(error)];
  }
}

/** Messages of every way `doc` breaks the schema; empty when GitHub would accept it. */
export function validateDocument(doc: string): string[] {
  const document = parsed(doc);
  if (Array.isArray(document)) return document;
  return validate(githubSchema(), document).map((error) => error.message);
}

/**
 * Like validateDocument, and also coerces `variables` against the declared variable types, which
 * catches a missing required input field or an enum value GitHub does not know.
 */
export function validateRequest(doc: string, variables: Record<string, unknown>): string[] {
  const documentErrors = validateDocument(doc);
  if (documentErrors.length > 0) return documentErrors;
  const errors: string[] = [];
  for (const definition of parse(doc).definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const result = getVariableValues(
      githubSchema(),
      definition.variableDefinitions ?? [],
      variables,
    );
    errors.push(...(result.errors ?? []).map((error) => error.message));
    const declared = new Set(
      (definition.variableDefinitions ?? []).map((variable) => variable.variable.name.value),
    );
    // Coercion ignores extras, yet an undeclared variable means the builder and document drifted.
    for (const name of Object.keys(variables)) {
      if (!declared.has(name)) errors.push(`Variable "$${name}" is sent but not declared.`);
    }
  }
  return errors;
}
