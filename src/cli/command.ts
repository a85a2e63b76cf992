/** The shape of one `squad-bot <name>` subcommand; each lives in its own file. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: NodeJS.ProcessEnv;
}

export interface CliCommand {
  name: string;
  /** One line for `squad-bot --help`. */
  summary: string;
  /** Full usage, printed by `squad-bot <name> --help` and on a usage error. */
  usage: string;
  /** Returns the process exit code: 0 ok, 1 failure, 2 usage error. */
  run(args: string[], io: CliIo): Promise<number>;
}

/** A mistake in how the command was called: printed with the usage, exit code 2. */
export class UsageError extends Error {
  override name = "UsageError";
}
