/** Where the phase name ends in `/phase <name> [reason]`: the configured names decide. */
import { MAX_REASON_LENGTH, splitFirst } from "../../commands/args.js";
import type { Config, Phase } from "../../config/schema.js";
import { sameName } from "../../core/names.js";
import { resolvePhaseName } from "./recognize.js";

export type PhasePhrase =
  | { ok: true; phase: Phase; reason: string | null }
  | { ok: false; problem: "unknown" | "ambiguous"; typed: string }
  | { ok: false; problem: "reason-too-long"; length: number; max: number };

const QUOTED = /^["'`]/;
/** Sentence punctuation and quotes around a typed name: `Building.`, `"Squad: Review"`. */
const tidy = (typed: string) =>
  typed
    .replace(/[.,;:!?]+$/, "")
    .replace(/^(["'`])(.*)\1$/, "$2")
    .trim();

const exactPhase = (config: Config, typed: string): Phase | undefined => {
  const wanted = tidy(typed);
  return config.phases.find(
    (p) => p.id === wanted.toLowerCase() || sameName(p.name, wanted) || sameName(p.label, wanted),
  );
};

/**
 * The longest run of leading words that is a phase's id, name or label wins ("Early Design
 * Discussion", "Squad: Review"); otherwise the first word, which may be a prefix ("conv"). A
 * quoted name ends at its closing quote. What follows the name is the reason.
 */
export function readPhasePhrase(config: Config, phrase: string): PhasePhrase {
  const found = QUOTED.test(phrase) ? quotedName(phrase) : longestName(config, phrase);
  const resolved = found.phase ?? resolvePhaseName(config, found.typed);
  if (Array.isArray(resolved)) {
    return {
      ok: false,
      problem: resolved.length === 0 ? "unknown" : "ambiguous",
      typed: found.typed,
    };
  }
  const reason = found.rest === "" ? null : found.rest;
  if (reason && reason.length > MAX_REASON_LENGTH) {
    return { ok: false, problem: "reason-too-long", length: reason.length, max: MAX_REASON_LENGTH };
  }
  return { ok: true, phase: resolved, reason };
}

function quotedName(phrase: string) {
  const { first, rest } = splitFirst(phrase);
  return { typed: first, rest, phase: undefined };
}

function longestName(config: Config, phrase: string) {
  const words = phrase.split(/\s+/).filter((word) => word !== "");
  for (let count = words.length; count >= 1; count--) {
    const phase = exactPhase(config, words.slice(0, count).join(" "));
    if (phase) return { typed: phase.name, rest: words.slice(count).join(" "), phase };
  }
  const { first, rest } = splitFirst(phrase);
  return { typed: first, rest, phase: undefined };
}
