// The app's production build, shared by the runners that measure or scale it (bench, scale-out):
// this repository's medusa-config.ts and src/ (without the admin), built with `medusa build` in a
// scratch copy (.cache/server-build, so the plugin's own .medusa/server is left alone), rebuilt
// only when its inputs change. Commands then run in the build output, as a deployment runs them.
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { freePort, medusaCli, root, spawnGroup, waitForHttp } from "./processes.mjs"
import { listFiles, scratchApp } from "./scratch-app.mjs"

const source = scratchApp(path.join(root, ".cache", "server-build"))
export const BUILT = path.join(source.dir, ".medusa", "server")
/** Medusa CLI commands in the build output; their logs go to .cache/server-build/.medusa/server/logs. */
export const built = scratchApp(BUILT)

/** What the server build is made of. */
function buildKey() {
  const hash = createHash("sha256")
  const inputs = [
    ...listFiles(path.join(root, "src")).filter((f) => !f.startsWith(path.join(root, "src", "admin") + path.sep)),
    path.join(root, "package-lock.json"),
    path.join(root, "medusa-config.ts"),
    path.join(root, "instrumentation.ts"),
    path.join(root, "tsconfig.json"),
  ]
  for (const file of inputs) {
    hash.update(path.relative(root, file)).update(fs.readFileSync(file))
  }
  return hash.digest("hex")
}

/** Builds the server unless the build is current; `log` reports what happened. */
export async function ensureServerBuild(env, log) {
  const key = buildKey()
  const keyFile = path.join(BUILT, ".build-key")
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) {
    log("server build is up to date")
    return
  }
  source.copy()
  // These runners drive the API; the admin bundle is not built.
  fs.rmSync(path.join(source.dir, "src", "admin"), { recursive: true, force: true })
  const started = Date.now()
  log("building the server (medusa build)")
  await source.medusa(["build"], { ...env, MEDUSA_DISABLE_ADMIN: "true" })
  const modules = path.join(BUILT, "node_modules")
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(root, "node_modules"), modules, "dir")
  fs.writeFileSync(keyFile, key)
  log(`server built (${((Date.now() - started) / 1000).toFixed(0)} s)`)
}

/** Migrates the database in `env` and seeds the demo; answers the seed's TIERED_DEMO record. */
export async function migrateAndSeed(env) {
  await built.medusa(["db:migrate", "--skip-scripts"], env)
  const output = await built.medusa(["exec", "./src/scripts/seed-demo.js"], env, "seed")
  const line = output.split("\n").find((l) => l.startsWith("TIERED_DEMO "))
  if (!line) throw new Error("the demo seed printed no TIERED_DEMO line")
  return JSON.parse(line.slice("TIERED_DEMO ".length))
}

/**
 * Starts `medusa start` from the build (a server, or a worker with MEDUSA_WORKER_MODE=worker) and
 * waits for /health. `nodeArgs` go to its Node (e.g. --cpu-prof).
 */
export async function startBuiltServer({ env, name = "server", nodeArgs = [] }) {
  const port = await freePort()
  const logFile = built.logTo(name)
  const child = spawnGroup(process.execPath, [...nodeArgs, medusaCli, "start", "--port", String(port)], {
    cwd: BUILT,
    env: { ...env, MEDUSA_DISABLE_ADMIN: "true" },
    stdio: ["ignore", logFile.fd, logFile.fd],
  })
  fs.closeSync(logFile.fd)
  const base = `http://localhost:${port}`
  if (!(await waitForHttp(`${base}/health`, { child, timeoutMs: 180_000 }))) {
    throw new Error(`${name} did not answer /health; see ${logFile.file}`)
  }
  return { base, child, pid: child.pid, log: logFile.file }
}
