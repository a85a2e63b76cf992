/**
 * Which forum category serves a use, from the config's id or slug and the forum's category
 * list; an unknown one is a problem to show (with the likely slug), never a retry. The problem
 * is data: its words are `forum.problem.unknownCategory` in `messages.forum.yml`.
 */
import { didYouMean } from "../config/problems.js";
import type { CategoryRef, ForumConfig } from "./config.js";
import type { ForumCategory } from "./port.js";

export type CategoryUse = keyof ForumConfig["categories"];

export type CategoryAnswer =
  | { ok: true; category: ForumCategory }
  /** The use has no category configured: that feature is off. */
  | { ok: false; unknown: null }
  /** The configured category is not on the forum; `suggestion` is the likely slug. */
  | { ok: false; unknown: { use: CategoryUse; ref: CategoryRef; suggestion: string | null } };

function find(ref: CategoryRef, categories: readonly ForumCategory[]): ForumCategory | undefined {
  return typeof ref === "number"
    ? categories.find((category) => category.id === ref)
    : categories.find((category) => category.slug === ref);
}

export function categoryFor(
  config: ForumConfig,
  use: CategoryUse,
  categories: readonly ForumCategory[],
): CategoryAnswer {
  const ref = config.categories[use];
  if (ref === undefined) return { ok: false, unknown: null };
  const category = find(ref, categories);
  if (category) return { ok: true, category };
  const suggestion =
    typeof ref === "string"
      ? didYouMean(
          ref,
          categories.map((c) => c.slug),
        )
      : undefined;
  return { ok: false, unknown: { use, ref, suggestion: suggestion ?? null } };
}
