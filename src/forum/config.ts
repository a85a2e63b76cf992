/**
 * The `forum` config section: which Discourse forum, which category serves which use, and what
 * a new topic in an intake category becomes. The API key is never here (DISCOURSE_API_KEY).
 */
import { z } from "zod";

/** A category by id (`12`) or by slug (`feature-requests`); slugs are looked up at run time. */
const categoryRef = z.union([
  z.number().int().positive(),
  z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]*$/, "a category id or slug, e.g. `12` or `feature-requests`"),
]);
export type CategoryRef = z.infer<typeof categoryRef>;

export const forumConfigSchema = z
  .strictObject({
    /** The forum's address, e.g. `https://forum.communityhealthtoolkit.org` (no trailing path). */
    url: z.url({
      protocol: /^https?$/,
      error: "the forum's address, e.g. `https://forum.example.org`",
    }),
    categories: z
      .strictObject({
        /** Where squads start: a new topic here is watched as a squad (CHT: Squads). */
        squads: categoryRef.optional(),
        /** Where the community asks for features (CHT: Feature requests). */
        featureRequests: categoryRef.optional(),
        /** Where release announcements are posted. */
        announcements: categoryRef.optional(),
        /** Where the weekly and monthly digests are posted, one topic per period. */
        digests: categoryRef.optional(),
      })
      .prefault({}),
    /**
     * A new topic in `squads` or `featureRequests`: `link` (default) only watches it until someone
     * links it; `issue` opens a feature request for it in the roadmap repository.
     */
    intake: z.enum(["link", "issue"]).default("link"),
    /** The code of conduct the squad kick-off message links to. */
    codeOfConduct: z
      .url({ protocol: /^https?$/, error: "the code of conduct's address, e.g. `https://…`" })
      .optional(),
  })
  .superRefine((forum, ctx) => {
    const { squads, featureRequests } = forum.categories;
    if (forum.intake === "issue" && squads === undefined && featureRequests === undefined) {
      ctx.addIssue({
        code: "custom",
        path: ["intake"],
        message:
          "`intake: issue` needs a category to take topics from: set `categories.squads` or `categories.featureRequests`",
      });
    }
  });
export type ForumConfig = z.output<typeof forumConfigSchema>;
