/** The shape of one `squad-bot <name>` subcommand; each lives in its own file. */
import { type ParseArgsConfig, parseArgs } from "node:util";

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

/** `--repo owner/name`, or a UsageError. */
export function repoOption(value: string | undefined): { owner: string; repo: string } {
  const match = /^([\w.-]+)\/([\w.-]+)$/.exec(value ?? "");
  if (!match) throw new UsageError(`--repo must be owner/name, got "${value ?? ""}"`);
  return { owner: match[1] as string, repo: match[2] as string };
}

/** A command's `--name value` options, strictly (no positionals): a mistake is a UsageError. */
export function readOptions<const O extends NonNullable<ParseArgsConfig["options"]>>(
  args: string[],
  options: O,
) {
  try {
    return parseArgs({ args, options, strict: true, allowPositionals: false }).values;
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}
