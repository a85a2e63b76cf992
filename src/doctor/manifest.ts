/** Reads what `app.yml` asks GitHub for, to compare with what an installation granted. */
import { parse } from "yaml";
import { z } from "zod";
import type { ManifestFacts } from "./facts.js";

const manifestSchema = z.object({
  default_permissions: z.record(z.string(), z.string()).default({}),
  default_events: z.array(z.string()).default([]),
});

export function parseManifest(text: string): ManifestFacts {
  const manifest = manifestSchema.parse(parse(text) ?? {});
  return { permissions: manifest.default_permissions, events: manifest.default_events };
}
