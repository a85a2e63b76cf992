/**
 * The tests Stryker runs (npm run mutation): those that drive the executor and the planners.
 * Listed here rather than with Stryker's `testFiles`, which leaves static mutants (module-level
 * values) inactive with the vitest runner 9.6 (stryker-js #6144), so they falsely survive.
 */
import { defineConfig } from "vitest/config";
import base from "./vitest.config.js";

// mergeConfig would append to the base config's `include`; this replaces it.
export default defineConfig({
  ...base,
  test: {
    ...base.test,
    include: [
      "test/actions/**/*.test.ts",
      "test/squad/**/*.test.ts",
      "test/squad-card/**/*.test.ts",
      "test/squad-links/**/*.test.ts",
      "test/commands/**/*.test.ts",
      // The Markdown reading the command parser and the criteria stand on.
      "test/core/markdown-*.test.ts",
      "test/safety/**/*.test.ts",
      "test/app/squad-journey.test.ts",
      "test/app/reliability.test.ts",
      "test/app/duplicate.test.ts",
      "test/app/roadmap.test.ts",
      "test/reliability/permissions.test.ts",
    ],
  },
});
