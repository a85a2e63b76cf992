/** The app's own credentials, as the server reads them from the environment (`doctor`, `adopt`). */
import type { DoctorCredentials } from "../github/octokit/doctor-facts.js";

/** PRIVATE_KEY as Probot reads it: inline (with `\n` escapes from a .env file) or from a path. */
export function privateKeyOf(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string,
): string | null {
  if (env.PRIVATE_KEY) return env.PRIVATE_KEY.replace(/\\n/g, "\n");
  if (env.PRIVATE_KEY_PATH) return readFile(env.PRIVATE_KEY_PATH);
  return null;
}

/** GitHub Enterprise Server's API, when GHE_HOST says so. */
export const baseUrl = (env: NodeJS.ProcessEnv) =>
  env.GHE_HOST ? { baseUrl: `${env.GHE_PROTOCOL ?? "https"}://${env.GHE_HOST}/api/v3` } : {};

/** APP_ID and the private key, or null when either is missing. */
export function appCredentials(
  env: NodeJS.ProcessEnv,
  readFile: (path: string) => string,
): DoctorCredentials | null {
  const privateKey = privateKeyOf(env, readFile);
  return env.APP_ID && privateKey ? { appId: env.APP_ID, privateKey, ...baseUrl(env) } : null;
}
