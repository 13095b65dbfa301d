// The app the benchmarks measure: the production build (scripts/server-build.mjs) started with
// `medusa start` in production mode on a fresh database holding the demo. Database: a new
// database on DATABASE_URL's server (dropped afterwards), or an embedded PostgreSQL for this run.
import fs from "node:fs"
import { connectionEnv, dropDatabase, freshDatabase, startDatabase } from "../scripts/embedded-db.mjs"
import { stopGroup } from "../scripts/processes.mjs"
import { ensureServerBuild, migrateAndSeed, startBuiltServer } from "../scripts/server-build.mjs"

export const log = (message) => console.log(`\x1b[33m[bench]\x1b[0m ${message}`)
const since = (t) => `${((Date.now() - t) / 1000).toFixed(0)} s`

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
 * `nodeArgs` go to the server's Node (e.g. --cpu-prof); `env` adds to its environment.
 * @returns {{ base, pid, demo: { region_id, tenants }, stop }}
 */
export async function startBenchApp({ nodeArgs = [], env: extra = {} } = {}) {
  const server = await startDatabase({ name: "pg-bench", database: "postgres", persistent: false })
  const database = `tiered_bench_${process.pid}`
  const url = await freshDatabase(server.url, database)
  const env = { ...process.env, ...connectionEnv(url), MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "production", ...extra }
  let child = null
  const stop = async () => {
    if (child) await stopGroup(child)
    await dropDatabase(server.url, database).catch(() => {})
    await server.stop()
  }
  try {
    await ensureServerBuild(env, log)
    const t = Date.now()
    const demo = await migrateAndSeed(env)
    log(`database migrated and demo seeded (${since(t)})`)
    const started = await startBuiltServer({ env, nodeArgs })
    child = started.child
    log(`server listening on ${started.base} (production mode, pid ${started.pid})`)
    return { base: started.base, pid: started.pid, demo, stop }
  } catch (error) {
    await stop()
    throw error
  }
}
