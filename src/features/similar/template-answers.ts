/**
 * Which of the issue template's questions a request leaves unanswered: the heading is missing,
 * the section under it is empty, still the template's placeholder, or GitHub issue forms'
 * "_No response_".
 */
import { findSection, sectionLines } from "../../core/markdown-sections.js";
import { readMarkdown } from "../../core/markdown-tree.js";
import type { TemplateQuestion } from "./config.js";

/** Comparable text: lower-case letters and digits only, so a placeholder matches loosely. */
const key = (text: string): string => text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "");

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
  const document = readMarkdown(body ?? "");
  return questions
    .filter((question) => {
      const section = findSection(document, questionText(question), { leadIns: true });
      if (!section) return true;
      const placeholder = typeof question === "string" ? undefined : question.placeholder;
      return isUnanswered(sectionLines(document, section), placeholder);
    })
    .map(questionText);
}
