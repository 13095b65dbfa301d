// The app the benchmarks measure: this repository's medusa-config.ts and src/, built with
// `medusa build` in a scratch copy (.cache/bench-app, so the plugin's own .medusa/server is left
// alone) and started with `medusa start` in production mode on a fresh database holding the demo.
// Database: a new database on DATABASE_URL's server (dropped afterwards), or an embedded
// PostgreSQL for this run only.
import { createHash } from "node:crypto"
import fs from "node:fs"
import path from "node:path"
import { connectionEnv, dropDatabase, freshDatabase, startDatabase } from "../scripts/embedded-db.mjs"
import { freePort, medusaCli, root, spawnGroup, stopGroup, waitForHttp } from "../scripts/processes.mjs"
import { listFiles, scratchApp } from "../scripts/scratch-app.mjs"

const app = scratchApp(path.join(root, ".cache", "bench-app"))
const BUILT = path.join(app.dir, ".medusa", "server")
// Commands run in the build output, as a production deployment runs them.
const built = scratchApp(BUILT)

export const log = (message) => console.log(`\x1b[33m[bench]\x1b[0m ${message}`)
const since = (t) => `${((Date.now() - t) / 1000).toFixed(0)} s`

/** What the server build is made of; the build is redone only when it changes. */
function buildKey() {
  const hash = createHash("sha256")
  const inputs = [
    ...listFiles(path.join(root, "src")).filter((f) => !f.startsWith(path.join(root, "src", "admin") + path.sep)),
    path.join(root, "package-lock.json"),
    path.join(root, "medusa-config.ts"),
    path.join(root, "tsconfig.json"),
  ]
  for (const file of inputs) {
    hash.update(path.relative(root, file)).update(fs.readFileSync(file))
  }
  return hash.digest("hex")
}

async function ensureBuild(env) {
  const key = buildKey()
  const keyFile = path.join(BUILT, ".bench-build-key")
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) {
    log("server build is up to date")
    return
  }
  app.copy()
  // The benchmarks measure the API; the admin bundle is not built.
  fs.rmSync(path.join(app.dir, "src", "admin"), { recursive: true, force: true })
  const started = Date.now()
  log("building the server (medusa build)")
  await app.medusa(["build"], env)
  const modules = path.join(BUILT, "node_modules")
  if (!fs.existsSync(modules)) fs.symlinkSync(path.join(root, "node_modules"), modules, "dir")
  fs.writeFileSync(keyFile, key)
  log(`server built (${since(started)})`)
}

function processTree(pid) {
  const tree = [pid]
  for (let i = 0; i < tree.length; i++) {
    try {
      const children = fs.readFileSync(`/proc/${tree[i]}/task/${tree[i]}/children`, "utf8").trim()
      if (children) tree.push(...children.split(/\s+/).map(Number))
    } catch {
      // Gone.
    }
  }
  return tree
}

/** CPU time (user + system, ms) a process and its children have used so far. */
export function cpuMs(pid) {
  let ticks = 0
  for (const p of processTree(pid)) {
    try {
      const stat = fs.readFileSync(`/proc/${p}/stat`, "utf8")
      // utime and stime: fields 14 and 15 of stat, 12 and 13 after the command name.
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      ticks += Number(fields[11]) + Number(fields[12])
    } catch {
      // Gone.
    }
  }
  // Linux counts them in USER_HZ, 100 a second.
  return ticks * 10
}

/** Peak resident memory (VmHWM) of a process and its children, in MiB. */
export function peakRssMiB(pid) {
  let kib = 0
  for (const p of processTree(pid)) {
    try {
      const match = /VmHWM:\s+(\d+)/.exec(fs.readFileSync(`/proc/${p}/status`, "utf8"))
      if (match) kib += Number(match[1])
    } catch {
      // Gone.
    }
  }
  return kib / 1024
}

/**
 * Builds (when needed), migrates and seeds a fresh database, and starts the server.
 * `nodeArgs` go to the server's Node (e.g. --cpu-prof).
 * @returns {{ base, pid, demo: { region_id, tenants }, stop }}
 */
export async function startBenchApp({ nodeArgs = [] } = {}) {
  const server = await startDatabase({ name: "pg-bench", database: "postgres", persistent: false })
  const database = `tiered_bench_${process.pid}`
  const url = await freshDatabase(server.url, database)
  const env = {
    ...process.env,
    ...connectionEnv(url),
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_DISABLE_ADMIN: "true",
    NODE_ENV: "production",
  }
  let child = null
  const stop = async () => {
    if (child) await stopGroup(child)
    await dropDatabase(server.url, database).catch(() => {})
    await server.stop()
  }
  try {
    await ensureBuild(env)
    let t = Date.now()
    await built.medusa(["db:migrate", "--skip-scripts"], env)
    log(`database migrated (${since(t)})`)
    t = Date.now()
    const seedOutput = await built.medusa(["exec", "./src/scripts/seed-demo.js"], env, "seed")
    const line = seedOutput.split("\n").find((l) => l.startsWith("TIERED_DEMO "))
    if (!line) throw new Error("the demo seed printed no TIERED_DEMO line")
    const demo = JSON.parse(line.slice("TIERED_DEMO ".length))
    log(`demo seeded (${since(t)})`)

    const port = await freePort()
    const serverLog = built.logTo("server")
    child = spawnGroup(process.execPath, [...nodeArgs, medusaCli, "start", "--port", String(port)], {
      cwd: BUILT,
      env,
      stdio: ["ignore", serverLog.fd, serverLog.fd],
    })
    fs.closeSync(serverLog.fd)
    const base = `http://localhost:${port}`
    if (!(await waitForHttp(`${base}/health`, { child, timeoutMs: 180_000 }))) {
      throw new Error(`the server did not answer /health; see ${serverLog.file}`)
    }
    log(`server listening on ${base} (production mode, pid ${child.pid})`)
    return { base, pid: child.pid, demo, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
