/** Finds the keys a schema allows at a path of a given input, for "did you mean" suggestions. */
import { z } from "zod";
import { childOf } from "./merge.js";

/** Wrappers that do not change which keys are allowed. */
function unwrap(schema: z.ZodType): z.ZodType {
  let current = schema;
  for (;;) {
    if (
      current instanceof z.ZodOptional ||
      current instanceof z.ZodNullable ||
      current instanceof z.ZodDefault ||
      current instanceof z.ZodPrefault
    ) {
      current = current.unwrap() as z.ZodType;
    } else if (current instanceof z.ZodPipe) {
      current = current.in as z.ZodType;
    } else {
      return current;
    }
  }
}

/** The option of a discriminated union that the input's discriminator picks, if any. */
function pickOption(union: z.ZodDiscriminatedUnion, input: unknown): z.ZodType | undefined {
  const tag = childOf(input, union.def.discriminator);
  return (union.options as z.ZodType[]).find((option) => {
    const inner = unwrap(option);
    const literal = inner instanceof z.ZodObject ? inner.shape[union.def.discriminator] : undefined;
    return literal instanceof z.ZodLiteral && (literal.values as Set<unknown>).has(tag);
  });
}

function resolve(schema: z.ZodType, input: unknown): z.ZodType | undefined {
  const inner = unwrap(schema);
  if (inner instanceof z.ZodDiscriminatedUnion) {
    const option = pickOption(inner, input);
    return option ? unwrap(option) : undefined;
  }
  return inner;
}

/** The keys of the object schema found at `path` (walking the input alongside), or []. */
export function knownKeysAt(
  schema: z.ZodType,
  path: readonly (string | number)[],
  input: unknown,
): string[] {
  let current = resolve(schema, input);
  let node = input;
  for (const key of path) {
    if (current instanceof z.ZodObject && typeof key === "string") {
      const next = current.shape[key] as z.ZodType | undefined;
      node = childOf(node, key);
      current = next && resolve(next, node);
    } else if (current instanceof z.ZodArray) {
      node = childOf(node, key);
      current = resolve(current.element as z.ZodType, node);
    } else {
      return [];
    }
  }
  return current instanceof z.ZodObject ? Object.keys(current.shape) : [];
}
