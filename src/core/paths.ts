/** Where the shipped `config/` folder is, from source (tsx) or from the build (dist/). */
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findPackageRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, "package.json"))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`squad-bot: no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const packageRoot = findPackageRoot(dirname(fileURLToPath(import.meta.url)));

/** Templates may be replaced wholesale by a deployment: SQUAD_BOT_TEMPLATES_DIR. */
export const templatesDir =
  process.env.SQUAD_BOT_TEMPLATES_DIR ?? join(packageRoot, "config", "templates");
export const presetsDir = join(packageRoot, "config", "presets");
