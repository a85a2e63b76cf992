#!/usr/bin/env node
/** `squad-bot <command>`: the offline and scheduled jobs that run outside the webhook server. */
import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type CliIo, UsageError } from "./command.js";
import { COMMANDS } from "./registry.js";

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...args] = argv;
  const command = COMMANDS.find((c) => c.name === name);
  if (!name || name === "--help" || name === "-h" || !command) {
    const list = COMMANDS.map((c) => `  ${c.name.padEnd(10)} ${c.summary}`).join("\n");
    const text = `Usage: squad-bot <command> [options]\n\nCommands:\n${list}\n`;
    if (name && name !== "--help" && name !== "-h") {
      io.stderr(`squad-bot: unknown command "${name}"\n\n${text}`);
      return 2;
    }
    io.stdout(text);
    return name ? 0 : 2;
  }
  if (args.includes("--help") || args.includes("-h")) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(`squad-bot ${command.name}: ${error.message}\n\n${command.usage}\n`);
      return 2;
    }
    io.stderr(
      `squad-bot ${command.name}: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    return 1;
  }
}

/**
 * Run only when started as a program, not when imported (tests). npx, `npm link` and global
 * installs start the program through a symlink, while Node names the module by its real path.
 */
function startedAsProgram(): boolean {
  const started = process.argv[1];
  if (!started) return false;
  try {
    return realpathSync(started) === realpathSync(fileURLToPath(import.meta.url));
  } catch {
    return false;
  }
}

if (startedAsProgram()) {
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    env: process.env,
  };
  process.exitCode = await runCli(process.argv.slice(2), io);
}
