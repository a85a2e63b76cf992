/**
 * The logger every room writes to: pino's shape, so a delivery's `context.log` (and a job's
 * logger) fits without features importing Probot.
 */
export interface Log {
  debug(data: object, text?: string): void;
  info(data: object, text?: string): void;
  warn(data: object, text?: string): void;
  error(data: object, text?: string): void;
}

/** For callers without a logger of their own (the CLI, direct calls in tests). */
export const SILENT_LOG: Log = { debug() {}, info() {}, warn() {}, error() {} };
