/** A refusal GitHub reports as an entry in `errors`, leaving the other aliased ops applied. */
export class OpRefused extends Error {}

export function unresolved(id: string): OpRefused {
  return new OpRefused(`Could not resolve to a node with the global id of '${id}'`);
}
