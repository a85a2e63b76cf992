import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts", "src/**/*.test.ts"],
    environment: "node",
    pool: "forks",
    testTimeout: 20_000,
    // A PGlite store starts in a few seconds, much slower on a loaded machine.
    hookTimeout: 30_000,
    // The sentence encoder loads only in the test that is about it (test/similar/embedder.test.ts).
    env: { SQUAD_BOT_SIMILAR_MODEL: "off" },
  },
});
