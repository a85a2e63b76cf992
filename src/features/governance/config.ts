/** The `governance` section: where nominations are opened, for which roles, and how many sponsors they need. */
import { z } from "zod";

const label = z.string().min(1).max(50);

export const governanceConfigSchema = z.strictObject({
  /** The repository where nominations are opened (`owner/repo`); it needs its own squad-bot config. */
  repo: z.string().regex(/^[A-Za-z0-9-]+\/[A-Za-z0-9._-]+$/, "`owner/repo`"),
  /** The roles one may be nominated for: `/nominate @login <role>`. */
  roles: z.array(z.string().min(1).max(60)).min(1),
  /** Sponsors (maintainers other than the nominee) a nomination needs before it is ready. */
  sponsors: z.number().int().min(1).max(20).default(2),
  /** Every nomination issue carries it; only the app's own issues with it are nominations. */
  label: label.default("nomination"),
  /** Added once the sponsors are there; removing it is the maintainers' decision. */
  readyLabel: label.default("nomination: ready"),
});
export type GovernanceConfig = z.output<typeof governanceConfigSchema>;
