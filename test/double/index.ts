/** The in-memory GitHub for tests and the offline demo: import everything from here. */

export type { World, WorldOptions } from "./fixtures.js";
export { CONFIG_PATH, createWorld, manualClock } from "./fixtures.js";

export { MemoryGitHub } from "./memory-github.js";

export { MemorySimilarSearch } from "./search.js";
