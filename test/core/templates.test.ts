/** Templates: read and checked once, rendered from what was passed in, broken files named. */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadTemplates } from "../../src/core/load-templates.js";
import { templatesFrom } from "../../src/core/templates.js";
import { shippedFiles, templates } from "../support/templates.js";

const broken = (files: Record<string, string>) => () => templatesFrom(files, "my-templates");

describe("templatesFrom", () => {
  it("renders Markdown templates without HTML escaping, one blank line at most, trimmed", () => {
    const t = templatesFrom({ "note.md": "\n\n{{a}}\n\n\n\n{{b}}\n\n" }, "x");
    expect(t.render("note", { a: "<b>&</b>", b: "`x`" })).toBe("<b>&</b>\n\n`x`");
  });

  it("renders phrases from every messages file, trimmed", () => {
    const t = templatesFrom(
      { "messages.a.yml": "a.hello: ' Hello {{who}} '\n", "messages.b.yml": "b.bye: Bye\n" },
      "x",
    );
    expect(t.message("a.hello", { who: "<you>" })).toBe("Hello <you>");
    expect(t.message("b.bye")).toBe("Bye");
  });

  it("leaves other files alone", () => {
    expect(() => templatesFrom({ "notes.txt": "{{#", "other.yml": "- a" }, "x")).not.toThrow();
  });

  it("names an unknown template or key when it is asked for", () => {
    const t = templatesFrom({}, "my-templates");
    expect(() => t.render("card", {})).toThrow("my-templates has no template `card.md`");
    expect(() => t.message("card.closed")).toThrow("no key `card.closed`");
  });

  it("keeps two values apart: each renders its own text for the same name", () => {
    const one = templatesFrom({ "messages.x.yml": "k: one" }, "1");
    const two = templatesFrom({ "messages.x.yml": "k: two" }, "2");
    expect([one.message("k"), two.message("k")]).toEqual(["one", "two"]);
  });
});

describe("a broken templates folder fails at load, naming the file and key", () => {
  it("a key defined in two files", () => {
    expect(broken({ "messages.a.yml": "k: one", "messages.b.yml": "k: one" })).toThrow(
      "messages.b.yml: key `k` is also defined in messages.a.yml",
    );
  });

  it("a key repeated in one file", () => {
    expect(broken({ "messages.a.yml": "k: one\nk: two\n" })).toThrow(
      /messages\.a\.yml: Map keys must be unique/,
    );
  });

  it("a file that is not a mapping, or a key that is not a phrase", () => {
    expect(broken({ "messages.a.yml": "- one\n- two\n" })).toThrow(
      "messages.a.yml is not a mapping of message keys to phrases",
    );
    expect(broken({ "messages.a.yml": "k:\n  nested: x\n" })).toThrow(
      "messages.a.yml: key `k` is not a phrase (text)",
    );
    expect(broken({ "messages.a.yml": "k:\n" })).toThrow("key `k` is not a phrase");
  });

  it("Mustache that does not parse, in a template or a phrase", () => {
    expect(broken({ "card.md": "{{#open}} never closed" })).toThrow(
      /the templates in my-templates are broken:\n- card\.md: Unclosed section "open"/,
    );
    expect(broken({ "messages.a.yml": "k: '{{/stray}}'" })).toThrow(
      /messages\.a\.yml: key `k`: Unopened section "stray"/,
    );
  });

  it("every problem at once, so one fix round is enough", () => {
    const error = (() => {
      try {
        templatesFrom({ "a.md": "{{#x}}", "messages.a.yml": "[]" }, "here");
      } catch (caught) {
        return (caught as Error).message;
      }
    })();
    expect(error?.split("\n")).toHaveLength(3);
  });

  it("read from a folder, as a deployment's SQUAD_BOT_TEMPLATES_DIR holds it", () => {
    const dir = mkdtempSync(join(tmpdir(), "squad-bot-templates-"));
    writeFileSync(join(dir, "messages.card.yml"), "card.closed: [not, a, phrase]\n");
    expect(() => loadTemplates(dir)).toThrow(`the templates in ${dir} are broken`);
    expect(() => loadTemplates(dir)).toThrow(
      "messages.card.yml: key `card.closed` is not a phrase",
    );
  });
});

describe("the shipped templates", () => {
  it("load without a problem", () => {
    expect(Object.keys(shippedFiles()).length).toBeGreaterThan(10);
    expect(templates.message("card.closed")).not.toBe("");
  });
});
