/** Applies a list of writes as one GraphQL mutation document and reports each op's outcome. */
import type { MutationOp, MutationResult } from "../types.js";
import type { Client } from "./client.js";
import { asGraphqlFailure, type GraphqlFailure, toGitHubError } from "./errors.js";
import { buildMutation, createdId, mutationAlias } from "./graphql/mutate.js";

const KIND = "mutate";

type Payloads = Record<string, unknown>;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === "object" && value !== null;

function outcome(
  op: MutationOp,
  alias: string,
  data: Payloads,
  failures: GraphqlFailure[],
): MutationResult {
  const own = failures.filter((failure) => failure.path?.[0] === alias);
  const payload = data[alias];
  if (own.length === 0 && isRecord(payload)) {
    const id = createdId(op, payload);
    return id === undefined ? { ok: true, op: op.op } : { ok: true, op: op.op, id };
  }
  // An op with no result and no error of its own was most likely stopped by an error GitHub
  // could not place (a limit hit midway), so that error is the best explanation we have.
  const placed = own.length > 0 ? own : failures.filter((failure) => !failure.path?.length);
  const error = placed.map((failure) => failure.message).join("; ") || "GitHub returned no result";
  return { ok: false, op: op.op, error };
}

/**
 * GraphQL runs the aliased mutations one after another and reports each failure at its alias,
 * so one op failing (a deleted comment) does not hide that the others were applied.
 */
export async function mutate(client: Client, ops: MutationOp[]): Promise<MutationResult[]> {
  if (ops.length === 0) return [];
  const { query, variables } = buildMutation(ops);
  client.count(KIND);
  let data: Payloads;
  let failures: GraphqlFailure[] = [];
  try {
    data = await client.octokit.graphql<Payloads>(query, variables);
  } catch (error) {
    const partial = asGraphqlFailure(error);
    // Without data the document never ran (HTTP failure, rate limit, invalid document).
    if (!partial || !isRecord(partial.data)) throw toGitHubError(error, KIND);
    data = partial.data;
    failures = partial.errors;
  }
  return ops.map((op, index) => outcome(op, mutationAlias(index), data, failures));
}
