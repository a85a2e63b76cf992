/** The text `squad-bot doctor` prints: one block per check, problems with their next steps. */
import type { Finding, Level } from "./diagnose.js";

const MARK: Record<Level, string> = { ok: "ok  ", warn: "warn", fail: "FAIL" };

export function renderDoctorReport(repo: string, findings: Finding[], requests: number): string {
  const width = Math.max(...findings.map((f) => f.check.length));
  const blocks = findings.map((f) => {
    const indent = " ".repeat(width + 8);
    const lines = [`[${MARK[f.level]}] ${f.check.padEnd(width)}  ${f.summary}`];
    for (const detail of f.details) lines.push(`${indent}${detail}`);
    for (const step of f.next) lines.push(`${indent}→ ${step}`);
    return lines.join("\n");
  });
  const failures = findings.filter((f) => f.level === "fail").length;
  const warnings = findings.filter((f) => f.level === "warn").length;
  const verdict =
    failures > 0
      ? `${failures} problem${failures === 1 ? "" : "s"} to fix`
      : warnings > 0
        ? `ready, with ${warnings} warning${warnings === 1 ? "" : "s"}`
        : "ready";
  return `squad-bot doctor ${repo}\n\n${blocks.join("\n")}\n\n${verdict} (${requests} requests to GitHub)\n`;
}
