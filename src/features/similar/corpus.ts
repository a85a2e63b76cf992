/** Reads a corpus of issues from JSON lines, as exported from GitHub or kept in bench/similar. */
import { z } from "zod";
import type { CorpusIssue } from "./rank.js";

const label = z.union([z.string(), z.object({ name: z.string() }).transform((l) => l.name)]);

/** One line: `body` or `body_excerpt`; labels as names or as GitHub's label objects. */
const lineSchema = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullable().optional(),
    body_excerpt: z.string().nullable().optional(),
    state: z
      .string()
      .transform((s) => s.toLowerCase())
      .pipe(z.enum(["open", "closed"])),
    labels: z.array(label).default([]),
  })
  .transform(
    (line): CorpusIssue => ({
      number: line.number,
      title: line.title,
      body: line.body ?? line.body_excerpt ?? "",
      state: line.state,
      labels: line.labels,
    }),
  );

interface CorpusProblem {
  /** 1-based line number in the file. */
  line: number;
  message: string;
}

export interface ParsedCorpus {
  issues: CorpusIssue[];
  problems: CorpusProblem[];
}

function describe(error: z.ZodError): string {
  return error.issues
    .map((issue) =>
      issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
}

/** Every good line becomes an issue; a bad line becomes a problem naming its line number. */
export function parseCorpus(text: string): ParsedCorpus {
  const issues: CorpusIssue[] = [];
  const problems: CorpusProblem[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = i + 1;
    if (raw.trim() === "") return;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch {
      problems.push({ line, message: "not valid JSON" });
      return;
    }
    const parsed = lineSchema.safeParse(value);
    if (parsed.success) issues.push(parsed.data);
    else problems.push({ line, message: describe(parsed.error) });
  });
  return { issues, problems };
}
