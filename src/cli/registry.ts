/** Every subcommand of `squad-bot`, registered explicitly. */
import type { CliCommand } from "./command.js";
import { adoptCommand } from "./commands/adopt.js";
import { backfillCommand } from "./commands/backfill.js";
import { dashboardCommand } from "./commands/dashboard.js";
import { digestCommand } from "./commands/digest.js";
import { doctorCommand } from "./commands/doctor.js";
import { inboxCommand } from "./commands/inbox.js";
import { similarCommand } from "./commands/similar.js";

export const COMMANDS: CliCommand[] = [
  adoptCommand,
  backfillCommand,
  dashboardCommand,
  digestCommand,
  doctorCommand,
  inboxCommand,
  similarCommand,
];
