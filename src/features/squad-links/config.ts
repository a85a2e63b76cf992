/** The `squads` config section: where `/squad propose` opens squad issues. Off when absent. */
import { z } from "zod";

const labelName = z.string().min(1).max(50);
const heading = z.string().min(1).max(100);

export const squadsConfigSchema = z.strictObject({
  /** `owner/repo` of the roadmap repository, in the same organization (CHT: `medic/cht-roadmap`). */
  repo: z
    .string()
    .regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, "`owner/repo`, e.g. `medic/cht-roadmap`"),
  /**
   * Labels of a squad issue; the first one also finds squad issues opened earlier, so proposing
   * twice reuses the issue.
   */
  labels: z.array(labelName).min(1).default(["Squad"]),
  /** Headings of the squad issue template's sections. */
  sections: z
    .strictObject({
      overview: heading.default("Overview"),
      resources: heading.default("Important Resources"),
      organizations: heading.default("Contributing Organizations"),
    })
    .prefault({}),
});
export type SquadsConfig = z.output<typeof squadsConfigSchema>;
