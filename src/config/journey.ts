/**
 * The parts of a journey beyond its phases: the roles (personas) people take and the stages each
 * is most involved in, and cycles, for journeys that go round again (the CHT implementation
 * lifecycle: evaluation feeds the next development cycle).
 */
import { z } from "zod";
import { checkUniqueIds, reportUnknownPhase } from "./id-checks.js";

const slug = z.string().regex(
  /^[a-z][a-z0-9-]*$/,
  // Said after "expected": "expected lower-case letters, …, got the text `Designer`".
  "lower-case letters, digits and dashes, e.g. `designer`",
);

export const roleSchema = z.strictObject({
  /** What people type: `/role designer me`. */
  id: slug,
  /** How the card names the people who hold it: "Designers". */
  name: z.string().min(1).max(60),
  description: z.string().default(""),
  /** The phases this role is most involved in: the card asks for it there, notices tell it. */
  phases: z.array(slug).default([]),
});

export const cycleSchema = z.strictObject({
  /** Phases that close a cycle: a move back from one of them to an earlier phase starts the next. */
  ends: z.array(slug).min(1),
  /** Where `/cycle next` goes back to. */
  restartAt: slug,
});

interface JourneyParts {
  phases: { id: string; optional: boolean }[];
  roles: z.output<typeof roleSchema>[];
  cycle: z.output<typeof cycleSchema> | null;
}

/** Role and cycle settings must name phases that exist, with the likely one suggested. */
export function checkJourney(config: JourneyParts, ctx: z.RefinementCtx): void {
  const ids = config.phases.map((phase) => phase.id);
  const unknownPhase = (value: string, path: (string | number)[]) =>
    reportUnknownPhase(value, ids, path, ctx);
  checkUniqueIds(config.roles, "roles", "role", ctx);
  config.roles.forEach((role, index) => {
    role.phases.forEach((phase, at) => {
      unknownPhase(phase, ["roles", index, "phases", at]);
    });
  });
  const { cycle } = config;
  if (!cycle) return;
  if (unknownPhase(cycle.restartAt, ["cycle", "restartAt"])) return;
  const restart = ids.indexOf(cycle.restartAt);
  cycle.ends.forEach((end, at) => {
    if (unknownPhase(end, ["cycle", "ends", at])) return;
    if (ids.indexOf(end) <= restart) {
      ctx.addIssue({
        code: "custom",
        path: ["cycle", "ends", at],
        message: `a cycle ends after it restarts: \`${end}\` must come after \`${cycle.restartAt}\` in \`phases\``,
      });
    }
  });
  if (config.phases[restart]?.optional) {
    ctx.addIssue({
      code: "custom",
      path: ["cycle", "restartAt"],
      message: `\`${cycle.restartAt}\` is an optional phase; a cycle restarts on the main path`,
    });
  }
}

/** The shipped presets a journey may follow; `presets.ts` derives its list from the schema's. */
const PRESETS = ["squad-journey", "cht", "cht-implementation"] as const;

/**
 * Another journey in the same repository: an issue labelled with `label` follows `preset`'s
 * phases, roles, cycle and recognition; the rest of the config is the repository's.
 */
export const journeySchema = z.strictObject({
  label: z.string().min(1).max(50),
  /** How digests and the dashboard name it; the label by default. */
  name: z.string().min(1).max(60).optional(),
  preset: z.enum(PRESETS),
  /** This journey's phase → option of the repository's board field; the preset's by default. */
  roadmap: z.strictObject({ options: z.record(z.string(), z.string().min(1).max(100)) }).optional(),
});

export const presetNameSchema = z.enum(PRESETS);
