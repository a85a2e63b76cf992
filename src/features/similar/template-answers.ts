/**
 * Which of the issue template's questions a request leaves unanswered: the heading is missing,
 * the section under it is empty, still the template's placeholder, or GitHub issue forms'
 * "_No response_".
 */
import type { TemplateQuestion } from "./config.js";

interface Section {
  heading: string;
  lines: string[];
}

/** Comparable text: lower-case letters and digits only, so "**Describe…?**" meets "Describe…". */
const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

/** `### Heading`, or a line that is bold as a whole (classic Markdown templates), or bold with the answer after it. */
function headingOf(line: string): { heading: string; rest: string } | null {
  const atx = /^\s{0,3}#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
  if (atx?.[1]) return { heading: atx[1], rest: "" };
  const bold = /^\s{0,3}(\*\*|__)(.+?)\1\s*(.*)$/.exec(line);
  if (bold?.[2]) return { heading: bold[2], rest: bold[3] ?? "" };
  return null;
}

function sections(body: string): Section[] {
  const result: Section[] = [];
  let inFence = false;
  for (const line of body.replace(/<!--[\s\S]*?-->/g, "").split(/\r?\n/)) {
    if (/^\s{0,3}(```|~~~)/.test(line)) inFence = !inFence;
    const heading = inFence ? null : headingOf(line);
    if (heading) result.push({ heading: heading.heading, lines: [heading.rest] });
    else result.at(-1)?.lines.push(line);
  }
  return result;
}

/** Guidance that GitHub's default templates (and medic/cht-core's) leave under each question. */
const GENERIC_PLACEHOLDERS = [
  /^_?no response_?$/i,
  /^a clear and concise description of\b/i,
  /^add any other context\b/i,
  /^if applicable, add\b/i,
  /^ex\. i'm always frustrated when\b/i,
  /^n\/?a$/i,
  /^-$/,
];

function questionText(question: TemplateQuestion): string {
  return typeof question === "string" ? question : question.question;
}

function isUnanswered(lines: string[], placeholder: string | undefined): boolean {
  const placeholderKey = placeholder ? key(placeholder) : "";
  const text = lines
    .map((line) => line.trim())
    .filter((line) => line !== "" && !GENERIC_PLACEHOLDERS.some((p) => p.test(line)))
    .join("\n");
  if (text === "") return true;
  return placeholderKey !== "" && key(text) === placeholderKey;
}

/** The questions of `questions` (as configured) that `body` leaves unanswered, in template order. */
export function missingTemplateAnswers(body: string, questions: TemplateQuestion[]): string[] {
  const found = sections(body ?? "");
  return questions
    .filter((question) => {
      const wanted = key(questionText(question));
      const section = found.find((s) => key(s.heading) === wanted);
      if (!section) return true;
      const placeholder = typeof question === "string" ? undefined : question.placeholder;
      return isUnanswered(section.lines, placeholder);
    })
    .map(questionText);
}
