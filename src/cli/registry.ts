/** Every subcommand of `squad-bot`, registered explicitly. */
import type { CliCommand } from "./command.js";

export const COMMANDS: CliCommand[] = [];
