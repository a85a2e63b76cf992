/**
 * `npm run build && npm run bench:memory`: the idle server's memory. Starts the built server as
 * `scripts/smoke.sh` does (PGlite with the inbox, no network), waits until it is idle, reads its
 * RSS from /proc/<pid>/status, stops it, then starts it again on the same data directory (a
 * restart) and reads it again. Exits 1 when either settled figure is over the budget.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { generateKeyPairSync } from "node:crypto";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";

const BUDGET_MB = 250;
const { values } = parseArgs({
  options: { wait: { type: "string", default: "30" }, port: { type: "string", default: "3993" } },
});
const waitSeconds = Number(values.wait);
const port = Number(values.port);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, "utf8");
  return Number(/VmRSS:\s+(\d+) kB/u.exec(status)?.[1] ?? Number.NaN) / 1024;
}

async function healthy(): Promise<boolean> {
  try {
    return (await fetch(`http://127.0.0.1:${port}/healthz`)).ok;
  } catch {
    return false;
  }
}

/** Starts the server, waits `waitSeconds`, returns the RSS samples (one every 5 s), stops it. */
async function idleRun(env: NodeJS.ProcessEnv): Promise<number[]> {
  const server: ChildProcess = spawn(process.execPath, ["dist/src/main.js"], {
    env,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const ended = new Promise((resolve) => server.once("exit", resolve));
  try {
    for (let i = 0; i < 300 && !(await healthy()); i++) await sleep(200);
    if (!(await healthy())) throw new Error("the server did not answer /healthz");
    const samples: number[] = [];
    for (let waited = 0; waited < waitSeconds; waited += 5) {
      await sleep(5_000);
      samples.push(await rssMb(server.pid as number));
    }
    return samples;
  } finally {
    server.kill("SIGTERM");
    await ended;
  }
}

const dir = await mkdtemp(join(tmpdir(), "squad-bot-idle-"));
const keyFile = join(dir, "key.pem");
const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
await writeFile(keyFile, privateKey.export({ type: "pkcs1", format: "pem" }));
const env = {
  ...process.env,
  APP_ID: "1",
  PRIVATE_KEY_PATH: keyFile,
  WEBHOOK_SECRET: "bench-secret",
  SQUAD_BOT_LOGIN: "squad-bot[bot]",
  SQUAD_BOT_DATA_DIR: join(dir, "data"),
  HOST: "127.0.0.1",
  PORT: String(port),
  NODE_ENV: "production",
  LOG_LEVEL: "fatal" as const,
};
let over = false;
try {
  for (const run of ["first start (creates the data directory)", "restart on that directory"]) {
    const samples = await idleRun(env);
    const settled = samples.at(-1) ?? Number.NaN;
    over ||= !(settled <= BUDGET_MB);
    const every = samples.map((mb) => mb.toFixed(0)).join(", ");
    console.log(`${run}: idle RSS ${settled.toFixed(0)} MB (every 5 s: ${every})`);
  }
} finally {
  await rm(dir, { recursive: true, force: true });
}
console.log(`budget: ${BUDGET_MB} MB: ${over ? "OVER" : "within"}`);
process.exitCode = over ? 1 : 0;
