/** The contributor store as the app, the CLI and features import it. */

export { lockDataDir } from "./data-dir-lock.js";
export {
  describeStore,
  MEMORY,
  openStore,
  type StoreOptions,
  storeOptionsFromEnv,
} from "./open.js";
export * from "./types.js";
export { vectorCacheOf } from "./vector-cache-of.js";
