/**
 * Config values that name something on GitHub (labels, teams, repositories), and whether what
 * they name exists there. The schema cannot know; `doctor` and the config check read GitHub
 * (a `ReferenceReader`) and ask here. Pure.
 */
import { sameName } from "../core/names.js";
import { digestSettings } from "../features/digest/config.js";
import type { RepoRef } from "../github/types.js";
import { didYouMean } from "./problems.js";
import type { Config } from "./schema.js";

type ReferenceKind = "label" | "team" | "repository" | "discussionCategory";

export interface Reference {
  kind: ReferenceKind;
  /** Where it is written, e.g. `recognize.labels[1]`. */
  path: string;
  value: string;
}

/** What exists, as read; a kind left out (null) could not be read and is not judged. */
export interface Existing {
  labels: string[] | null;
  /** Team slugs of the organization. */
  teams: string[] | null;
  /** `owner/name` → whether the app can read it. */
  repositories: ReadonlyMap<string, boolean> | null;
  /** Discussion categories of the repository digests are posted to; absent when not read. */
  discussionCategories?: string[] | null;
}

/** Reads what a config's references name, a few requests (labels, teams, each repository). */
export interface ReferenceReader {
  readExisting(repo: RepoRef, config: Config): Promise<Existing>;
}

export interface ReferenceProblem {
  path: string;
  message: string;
}

const listed = (kind: ReferenceKind, path: string, values: readonly string[]) =>
  values.map((value, index) => ({ kind, path: `${path}[${index}]`, value }));

/**
 * Labels the bot only reads (it creates its phase and blocked labels itself), the teams that
 * count as maintainers of this organization, and the repositories the config reaches into.
 */
export function referencesOf(config: Config, org: string): Reference[] {
  const digests = config.digests ? digestSettings(config) : null;
  const teams = config.maintainers.teams.filter(
    (t) => !t.includes("/") || sameName(t.split("/")[0] ?? "", org),
  );
  return [
    ...listed("label", "recognize.labels", config.recognize.labels),
    ...listed("label", "recognize.labelsWithTemplate", config.recognize.labelsWithTemplate),
    ...listed("label", "roadmap.addOnLabels", config.roadmap?.addOnLabels ?? []),
    // A journey's label is put on issues by people: a typo would leave its issues in no journey.
    ...config.journeys.map((journey, index) => ({
      kind: "label" as const,
      path: `journeys[${index}].label`,
      value: journey.label,
    })),
    ...listed(
      "team",
      "maintainers.teams",
      teams.map((t) => t.split("/").at(-1) ?? t),
    ),
    ...(config.squads
      ? [{ kind: "repository" as const, path: "squads.repo", value: config.squads.repo }]
      : []),
    ...(config.governance
      ? [{ kind: "repository" as const, path: "governance.repo", value: config.governance.repo }]
      : []),
    ...listed("repository", "intake.similar.repos", config.intake?.similar.repos ?? []),
    ...listed(
      "repository",
      "community.welcome.goodFirstIssues.repos",
      config.community.welcome.goodFirstIssues.repos,
    ),
    ...(digests
      ? [
          ...listed("repository", "digests.weekly.repos", digests.weekly.repos),
          ...listed("repository", "digests.monthly.repos", digests.monthly.repos),
          ...(digests.postTo
            ? [{ kind: "repository" as const, path: "digests.postTo", value: digests.postTo }]
            : []),
          ...(digests.delivery === "discussion" && digests.discussionCategory
            ? [
                {
                  kind: "discussionCategory" as const,
                  path: "digests.discussionCategory",
                  value: digests.discussionCategory,
                },
              ]
            : []),
        ]
      : []),
  ];
}

const NOUN: Record<ReferenceKind, string> = {
  label: "a label of this repository",
  team: "a team of the organization",
  repository: "a repository the app can read",
  discussionCategory: "a discussion category of the repository digests are posted to",
};

const NAMES_OF: Record<Exclude<ReferenceKind, "repository">, keyof Existing> = {
  label: "labels",
  team: "teams",
  discussionCategory: "discussionCategories",
};

/** Each reference to something that is not there, with the closest thing that is. */
export function checkReferences(references: Reference[], existing: Existing): ReferenceProblem[] {
  return references.flatMap((ref) => {
    if (ref.kind === "repository") {
      const readable = existing.repositories?.get(ref.value.toLowerCase());
      return readable === false
        ? [
            {
              path: ref.path,
              message: `\`${ref.value}\` is not ${NOUN.repository} (install the app there, or fix the name)`,
            },
          ]
        : [];
    }
    const names = existing[NAMES_OF[ref.kind]] as string[] | null | undefined;
    if (!names || names.some((name) => sameName(name, ref.value))) return [];
    const close = didYouMean(ref.value, names);
    const hint = close ? ` (did you mean \`${close}\`?)` : "";
    return [{ path: ref.path, message: `\`${ref.value}\` is not ${NOUN[ref.kind]}${hint}` }];
  });
}
