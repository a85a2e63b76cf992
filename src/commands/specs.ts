/** The commands squad-bot understands: syntax, who may run them, and their typed arguments. */

import { channelOf } from "../chat/channel.js";
import { LINK_KINDS, type LinkKind } from "../config/schema.js";
import { escapeInline } from "../core/markdown.js";
import type { Templates } from "../core/templates.js";
import {
  MAX_REASON_LENGTH,
  readDate,
  readIssueRef,
  readLogin,
  readUrl,
  splitFirst,
  unwrap,
  words,
} from "./args.js";

/** The lowest role that may run a command; each role includes the ones before it. */
export const ROLES = ["anyone", "member", "lead", "maintainer"] as const;
export type Role = (typeof ROLES)[number];

/** Whether someone holding `held` may run a command that needs `needed`. */
export function roleAllows(held: Role, needed: Role): boolean {
  return ROLES.indexOf(held) >= ROLES.indexOf(needed);
}

export type Command =
  /**
   * `phrase`: the phase and an optional reason as typed, `--force` taken out. Where the name ends
   * depends on the configured phase names ("Early Design Discussion"), so the squad splits it.
   */
  | { kind: "phase"; phrase: string; force: boolean }
  /** `"me"` stands for whoever wrote the command. */
  | { kind: "lead"; login: string | "me" }
  | { kind: "join" }
  | { kind: "leave" }
  | { kind: "interested" }
  | { kind: "uninterested" }
  /** `url: null` removes the link. */
  | { kind: "link"; linkKind: LinkKind; url: string | null }
  /** `date` is `YYYY-MM-DD`; null clears the target. */
  | { kind: "target"; date: string | null }
  | { kind: "blocked"; reason: string }
  | { kind: "unblocked" }
  | { kind: "help" }
  /** Run by the community journey (`features/community/quiet.ts`), not by the squad. */
  | { kind: "quiet" }
  | { kind: "unquiet" }
  /** `repo` is `owner/repo` when typed (`medic/cht-core#12`), null for this repository (`#12`). */
  | { kind: "duplicate"; repo: string | null; number: number }
  | { kind: "squad"; action: "propose" }
  /**
   * `role`: a role id as typed (the journey's roles are checked when it runs); `login`: `"me"`
   * for whoever wrote it, null (`none`) to clear the role.
   */
  | { kind: "role"; role: string; login: string | "me" | null }
  | { kind: "cycle"; action: "next"; reason: string | null }
  /** Run by the governance feature: `role` as typed, checked against the configured roles there. */
  | { kind: "nominate"; login: string; role: string }
  | { kind: "sponsor" };

export type CommandKind = Command["kind"];

export type ParseResult = { ok: true; command: Command } | { ok: false; error: string };

export interface CommandSpec {
  readonly name: CommandKind;
  readonly usage: string;
  /** Its line in `/help`: `command.summary.<name>` in messages.commands.yml. */
  readonly summaryKey: string;
  readonly role: Role;
  /** Reads the text after the command name; the error says how to write it instead. */
  parse(args: string, templates: Templates): ParseResult;
}

const CLEAR = "none";
/** `--force`, also with the punctuation of the sentence it ends: `… --force, finally`. */
const FORCE = /^--force[.,;:!?]*$/;

function defineSpec(
  name: CommandKind,
  usage: string,
  role: Role,
  parse: (args: string, fail: (key: string, view?: object) => ParseResult) => ParseResult,
): CommandSpec {
  return {
    name,
    usage,
    role,
    summaryKey: `command.summary.${name}`,
    parse: (args, templates) =>
      parse(args, (key, view = {}) => ({
        ok: false,
        error: templates.message(`command.error.${key}`, { usage, ...view }),
      })),
  };
}

const ok = (command: Command): ParseResult => ({ ok: true, command });

type BareKind =
  | "sponsor"
  | "join"
  | "leave"
  | "interested"
  | "uninterested"
  | "unblocked"
  | "help"
  | "quiet"
  | "unquiet";

/** For commands without arguments: trailing words are talk ("/join happy to help"), not errors. */
const bare = (name: BareKind, role: Role) =>
  defineSpec(name, `/${name}`, role, () => ok({ kind: name }));

function reasonError(
  reason: string,
  fail: (key: string, view?: object) => ParseResult,
): ParseResult | null {
  return reason.length > MAX_REASON_LENGTH
    ? fail("reason-too-long", { length: reason.length, max: MAX_REASON_LENGTH })
    : null;
}

const phase = defineSpec("phase", "/phase <name> [--force] [reason]", "lead", (args, fail) => {
  // A mistyped option must not silently become part of the reason of an unforced move.
  const option = words(args).find((word) => /^--\S/.test(word) && !FORCE.test(word));
  if (option) return fail("unknown-option", { option: escapeInline(option) });
  const force = words(args).some((word) => FORCE.test(word));
  const phrase = args.replace(/(^|\s+)--force(?=[.,;:!?]*(\s|$))/g, "").trim();
  if (splitFirst(phrase).first === "") return fail("phase-missing");
  return ok({ kind: "phase", phrase, force });
});

const lead = defineSpec("lead", "/lead <@login | me>", "lead", (args, fail) => {
  const [word] = words(args);
  if (word === undefined) return fail("login-missing");
  if (/^@?me$/i.test(unwrap(word))) return ok({ kind: "lead", login: "me" });
  const login = readLogin(word);
  return login ? ok({ kind: "lead", login }) : fail("login-invalid", { login: escapeInline(word) });
});

const link = defineSpec(
  "link",
  `/link <${LINK_KINDS.join("|")}> <url | none>`,
  "member",
  (args, fail) => {
    const [kind, address] = words(args);
    const kinds = LINK_KINDS.map((k) => `\`${k}\``).join(", ");
    if (kind === undefined) return fail("link-kind-missing", { kinds });
    const linkKind = LINK_KINDS.find((k) => k === kind.toLowerCase());
    if (!linkKind) return fail("link-kind", { kind: escapeInline(kind), kinds });
    if (address === undefined) return fail("url-missing");
    if (address.toLowerCase() === CLEAR) return ok({ kind: "link", linkKind, url: null });
    if (linkKind === "slack") {
      // A channel is named, not linked: `#name`, its id, or its archive link.
      const channel = channelOf(address);
      return channel
        ? ok({ kind: "link", linkKind, url: channel })
        : fail("channel-invalid", { channel: escapeInline(address) });
    }
    const url = readUrl(address);
    return url
      ? ok({ kind: "link", linkKind, url })
      : fail("url-invalid", { url: escapeInline(address) });
  },
);

const target = defineSpec("target", "/target <YYYY-MM-DD | none>", "lead", (args, fail) => {
  const [word] = words(args);
  if (word === undefined) return fail("date-missing");
  if (word.toLowerCase() === CLEAR) return ok({ kind: "target", date: null });
  const date = readDate(unwrap(word));
  return date ? ok({ kind: "target", date }) : fail("date-invalid", { date: escapeInline(word) });
});

const blocked = defineSpec("blocked", "/blocked <reason>", "member", (args, fail) => {
  const reason = args.trim();
  if (reason === "") return fail("reason-missing");
  return reasonError(reason, fail) ?? ok({ kind: "blocked", reason });
});

const duplicate = defineSpec(
  "duplicate",
  "/duplicate <#number | owner/repo#number>",
  "maintainer",
  (args, fail) => {
    const [word] = words(args);
    if (word === undefined) return fail("duplicate-missing");
    const target = readIssueRef(unwrap(word));
    return target
      ? ok({ kind: "duplicate", ...target })
      : fail("duplicate-invalid", { ref: escapeInline(word) });
  },
);

const squad = defineSpec("squad", "/squad propose", "maintainer", (args, fail) => {
  const [word] = words(args);
  return word?.toLowerCase() === "propose"
    ? ok({ kind: "squad", action: "propose" })
    : fail("squad-action", { action: escapeInline(word ?? "") });
});

/** Who holds a role is checked when it runs: anyone may take one, naming others needs the lead. */
const role = defineSpec("role", "/role <role> <@login | me | none>", "anyone", (args, fail) => {
  const [id, who] = words(args);
  if (id === undefined) return fail("role-missing");
  if (who === undefined) return fail("role-login-missing", { role: escapeInline(id) });
  const roleId = id.toLowerCase();
  if (who.toLowerCase() === CLEAR) return ok({ kind: "role", role: roleId, login: null });
  if (/^@?me$/i.test(unwrap(who))) return ok({ kind: "role", role: roleId, login: "me" });
  const login = readLogin(who);
  return login
    ? ok({ kind: "role", role: roleId, login })
    : fail("role-login-invalid", { login: escapeInline(who) });
});

const cycle = defineSpec("cycle", "/cycle next [reason]", "lead", (args, fail) => {
  const { first, rest } = splitFirst(args);
  if (first.toLowerCase() !== "next") return fail("cycle-action", { action: escapeInline(first) });
  const reason = rest.trim();
  return reasonError(reason, fail) ?? ok({ kind: "cycle", action: "next", reason: reason || null });
});

const nominate = defineSpec("nominate", "/nominate <@login> <role>", "maintainer", (args, fail) => {
  const { first, rest } = splitFirst(args);
  if (first === "") return fail("nominate-missing");
  const login = readLogin(first);
  if (!login) return fail("nominate-login-invalid", { login: escapeInline(first) });
  const role = rest.trim();
  return role === ""
    ? fail("nominate-role-missing", { login })
    : ok({ kind: "nominate", login, role });
});

/**
 * In the order `/help` lists them: following (and being mentioned), joining, leading, then
 * running the squad.
 */
export const SPECS: readonly CommandSpec[] = [
  bare("interested", "anyone"),
  bare("uninterested", "anyone"),
  bare("quiet", "anyone"),
  bare("unquiet", "anyone"),
  bare("join", "anyone"),
  bare("leave", "anyone"),
  role,
  lead,
  phase,
  cycle,
  target,
  link,
  blocked,
  bare("unblocked", "member"),
  bare("help", "anyone"),
  duplicate,
  squad,
  nominate,
  bare("sponsor", "maintainer"),
];

export function findSpec(name: string): CommandSpec | undefined {
  return SPECS.find((spec) => spec.name === name);
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitution);
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
}

/** The known command closest to a mistyped name (at most 2 edits away), for "did you mean". */
export function suggest(name: string): string | null {
  let best: { name: string; distance: number } | null = null;
  for (const spec of SPECS) {
    const distance = editDistance(name, spec.name);
    if (distance <= 2 && (best === null || distance < best.distance)) {
      best = { name: spec.name, distance };
    }
  }
  return best?.name ?? null;
}
