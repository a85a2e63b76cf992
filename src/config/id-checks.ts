/** Checks shared by every list of ids in the config: ids used once, references to phases that exist. */
import type { z } from "zod";
import { didYouMean } from "./problems.js";

/** Each `id` in `config[key]` once: `phase id \`x\` is already used by phases[0]`. */
export function checkUniqueIds(
  list: { id: string }[],
  key: string,
  noun: string,
  ctx: z.RefinementCtx,
): void {
  const seen = new Map<string, number>();
  list.forEach((item, index) => {
    const previous = seen.get(item.id);
    if (previous !== undefined) {
      ctx.addIssue({
        code: "custom",
        path: [key, index, "id"],
        message: `${noun} id \`${item.id}\` is already used by ${key}[${previous}]`,
      });
    }
    seen.set(item.id, index);
  });
}

/** Reports `value` at `path` unless it is one of `ids`, with the likely one; true when reported. */
export function reportUnknownPhase(
  value: string,
  ids: string[],
  path: (string | number)[],
  ctx: z.RefinementCtx,
): boolean {
  if (ids.includes(value)) return false;
  const suggestion = didYouMean(value, ids);
  ctx.addIssue({
    code: "custom",
    path,
    message: `\`${value}\` is not a phase id${suggestion ? ` (did you mean \`${suggestion}\`?)` : ""}; the phases are ${ids.map((id) => `\`${id}\``).join(", ")}`,
  });
  return true;
}
