/** The shipped `config/templates/`, read once per test file: what production renders with. */
import { join } from "node:path";
import { loadTemplates, readTemplateFiles } from "../../src/core/load-templates.js";
import { packageRoot } from "../../src/core/paths.js";
import { type Templates, templatesFrom } from "../../src/core/templates.js";

const shippedDir = join(packageRoot, "config", "templates");

export const templates: Templates = loadTemplates(shippedDir);

/** The shipped files by name, as text. */
export const shippedFiles = () => readTemplateFiles(shippedDir);

/** The shipped templates with one file edited, as a maintainer's copy of the folder would hold. */
export function editedTemplates(file: string, edit: (text: string) => string): Templates {
  const files = shippedFiles();
  const before = files[file];
  if (before === undefined) throw new Error(`no template file ${file}`);
  const after = edit(before);
  if (after === before) throw new Error(`the edit of ${file} changed nothing`);
  return templatesFrom({ ...files, [file]: after }, `edited ${file}`);
}
