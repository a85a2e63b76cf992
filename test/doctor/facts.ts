/** A healthy set of doctor facts, for tests to break one piece at a time. */

import { readFileSync } from "node:fs";
import type { DoctorFacts, ManifestFacts } from "../../src/doctor/facts.js";
import { parseManifest } from "../../src/doctor/manifest.js";

export const MANIFEST: ManifestFacts = parseManifest(readFileSync("app.yml", "utf8"));

export function healthyFacts(): DoctorFacts {
  return {
    repo: "medic/cht-core",
    local: { appId: "42", keyGiven: true, webhookSecretSet: true, webhookProxyUrl: null },
    app: { slug: "squad-bot", name: "squad-bot", owner: "medic" },
    hook: {
      url: "https://squad-bot.medic.org/api/github/webhooks",
      secretSet: true,
      contentType: "json",
    },
    installation: {
      id: 7,
      account: "medic",
      permissions: { ...MANIFEST.permissions, metadata: "read" },
      events: [...MANIFEST.events],
      settingsUrl: "https://github.com/organizations/medic/settings/installations/7",
    },
    deliveries: [
      {
        guid: "d-1",
        event: "issues",
        action: "opened",
        status: "OK",
        statusCode: 200,
        deliveredAt: "2026-12-02T10:00:00Z",
        redelivery: false,
        installationId: 7,
      },
    ],
    config: { ok: "absent" },
    openIssues: [],
  };
}
