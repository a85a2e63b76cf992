/** The optional `intake:` config section: the template's questions and where to look for related issues. */
import { z } from "zod";
import { HYBRID_DEFAULTS } from "./hybrid.js";
import { DEFAULT_MIN_SCORE } from "./rank.js";

const question = z.union([
  z.string().min(1),
  z.strictObject({
    /** The heading as the template writes it, e.g. "Describe the solution you'd like". */
    question: z.string().min(1),
    /** The template's guidance under the heading, which counts as no answer while left as is. */
    placeholder: z.string().min(1).optional(),
  }),
]);

export const intakeConfigSchema = z.strictObject({
  /** The issue template's questions; one left empty is listed under "The template still asks". */
  questions: z.array(question).default([]),
  similar: z
    .strictObject({
      /** Repositories searched for related issues, `owner/repo`; empty: the issue's own. */
      repos: z
        .array(z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9_.-]+$/, "`owner/repo`"))
        .max(5)
        .default([]),
      /** At most this many related issues are listed. */
      top: z.number().int().min(1).max(10).default(3),
      /** No longer used: listing depended on the request's length. Accepted so old configs load. */
      minScore: z.number().min(0).max(1).default(DEFAULT_MIN_SCORE),
      /** Listed when the titles' meaning is at least this close (cosine; with the model loaded). */
      minCosine: z.number().min(-1).max(1).default(HYBRID_DEFAULTS.minCosine),
      /** Listed when both titles share at least this many words (with or without the model). */
      minSharedTerms: z.number().int().min(1).max(10).default(HYBRID_DEFAULTS.minSharedTerms),
      /** Candidates fetched from GitHub search and re-ranked (one request; GitHub's page limit is 100). */
      candidates: z.number().int().min(1).max(50).default(30),
    })
    .prefault({}),
});

export type IntakeConfig = z.output<typeof intakeConfigSchema>;
export type TemplateQuestion = IntakeConfig["questions"][number];
