// npm run dev: a database (DATABASE_URL, or an embedded PostgreSQL kept under
// .data/pg-dev), migrations, the demo catalog and `medusa develop`, then the
// reference storefront (Vite, storefront/) for the first demo tenant and the
// logins a newcomer needs. Ctrl-C stops the storefront, the server and the database.
import fs from "node:fs"
import path from "node:path"
import { connectionEnv, startDatabase } from "./embedded-db.mjs"
import {
  freePort,
  medusaCli,
  portIsFree,
  root,
  run,
  running,
  spawnGroup,
  stopDatabase,
  stopGroup,
  takeOverSignals,
  waitForHttp,
} from "./processes.mjs"

const PORT = Number(process.env.PORT || 9000)
// The storefront's port: STOREFRONT_PORT, else 5173 (in medusa-config.ts's STORE_CORS) when free.
const STOREFRONT_PORT = Number(process.env.STOREFRONT_PORT || 0)
// medusa-config.ts's STORE_CORS when the environment sets none.
const DEFAULT_STORE_CORS = "http://localhost:8000,http://localhost:5173"
// Vite through its API (scripts/storefront-dev.mjs): its CLI would write a file medusa develop restarts for.
const STOREFRONT_DEV = path.join(root, "scripts", "storefront-dev.mjs")
const SEED_SCRIPT = "./src/scripts/seed-demo.ts"
// The seed's login (src/scripts/demo-data.ts); its output overrides it when it prints one.
const DEFAULT_ADMIN = { email: "admin@tiered.test", password: "supersecret" }

const log = (message) => console.log(`\x1b[36m[dev]\x1b[0m ${message}`)
const startedAt = Date.now()

if (!(await portIsFree(PORT))) {
  console.error(`[dev] Port ${PORT} is already in use: stop whatever listens there (or set PORT) and try again.`)
  process.exit(1)
}
if (STOREFRONT_PORT && !(await portIsFree(STOREFRONT_PORT))) {
  console.error(`[dev] Port ${STOREFRONT_PORT} (STOREFRONT_PORT) is already in use: choose another one.`)
  process.exit(1)
}
const storefrontPort = STOREFRONT_PORT || ((await portIsFree(5173)) ? 5173 : await freePort())
const storefrontUrl = `http://localhost:${storefrontPort}`
const storeCors = process.env.STORE_CORS || DEFAULT_STORE_CORS

log(process.env.DATABASE_URL ? "Using the database in DATABASE_URL" : "Starting the embedded PostgreSQL (.data/pg-dev)")
const db = await startDatabase({ name: "pg-dev", database: "tiered_dev", persistent: true })

let server = null
let storefront = null
let stopping = false
async function shutdown(exitCode) {
  if (stopping) return
  stopping = true
  log("Stopping...")
  await Promise.all([...running, server, storefront].filter(Boolean).map((child) => stopGroup(child)))
  await stopDatabase(db)
  log(db.embedded ? "Stopped the storefront, the server and the database." : "Stopped the storefront and the server (the database in DATABASE_URL keeps running).")
  process.exit(exitCode)
}
takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], (signal) => {
  if (stopping) {
    log("Still stopping; whatever is left gets SIGKILL 10 s after the first Ctrl-C.")
    return
  }
  shutdown(signal === "SIGTERM" ? 143 : 130)
})

const env = {
  ...process.env,
  ...connectionEnv(db.url),
  MEDUSA_DISABLE_TELEMETRY: "true",
  NODE_ENV: process.env.NODE_ENV || "development",
  // The storefront calls the store API from its own origin.
  STORE_CORS: storeCors.split(",").includes(storefrontUrl) ? storeCors : `${storeCors},${storefrontUrl}`,
}
const problems = []
let admin = DEFAULT_ADMIN

try {
  await main()
} catch (error) {
  if (!stopping) {
    console.error("[dev]", error)
    await shutdown(1)
  }
}

async function main() {
  log("Running migrations (medusa db:migrate)")
  // Safe link actions only: a persistent dev database never prompts nor drops a link table.
  if ((await medusa(["db:migrate", "--execute-safe-links"])).code !== 0) {
    console.error("[dev] Migrations failed (see above).")
    return shutdown(1)
  }

  if (fs.existsSync(path.join(root, SEED_SCRIPT))) {
    log(`Seeding the demo catalog (medusa exec ${SEED_SCRIPT})`)
    const seed = await medusa(["exec", SEED_SCRIPT], { capture: true })
    if (seed.code !== 0) {
      problems.push("The demo seed failed (see its output above); the server started anyway.")
    }
    admin = seedAdmin(seed.output) ?? admin
  } else {
    problems.push(`No demo seed yet (${SEED_SCRIPT}); only the admin login was created.`)
  }
  if (!(await adminExists(admin.email))) {
    log(`Creating the admin login ${admin.email}`)
    const user = await medusa(["user", "-e", admin.email, "-p", admin.password], { capture: true })
    if (user.code !== 0 && !/already exists/i.test(user.output)) {
      problems.push(`Could not create the admin user ${admin.email} (see above).`)
    }
  }
  const demo = await readDemo()

  log(`Starting the server (medusa develop --port ${PORT})`)
  server = spawnGroup(process.execPath, [medusaCli, "develop", "--port", String(PORT)], {
    cwd: root,
    env,
    stdio: ["ignore", "inherit", "inherit"],
  })
  server.once("exit", (code, signal) => {
    if (!stopping) {
      console.error(`[dev] medusa develop exited (${signal ?? `code ${code}`}).`)
      shutdown(code || 1)
    }
  })
  if (await waitForHttp(`http://localhost:${PORT}/health`, { child: server, timeoutMs: 600_000 })) {
    const shop = await startStorefront(demo)
    printBanner(demo, shop)
  } else if (!stopping) {
    console.error("[dev] The server did not answer /health within 10 minutes; medusa develop keeps watching for changes.")
  }
}

/**
 * The reference storefront (Vite's dev server for storefront/) for the first demo tenant.
 * Answers what the banner says of it; the server keeps running whatever happens to it.
 */
async function startStorefront({ keys, regions }) {
  const key = keys.find((k) => !k.is_default)
  if (!key || !regions.length) {
    problems.push("No demo tenant or region: the storefront was not started.")
    return null
  }
  log(`Starting the storefront (vite, port ${storefrontPort}) for ${key.sales_channel}`)
  storefront = spawnGroup(process.execPath, [STOREFRONT_DEV, String(storefrontPort)], {
    cwd: root,
    env: {
      ...env,
      VITE_MEDUSA_BACKEND_URL: `http://localhost:${PORT}`,
      VITE_MEDUSA_PUBLISHABLE_KEY: key.token,
      VITE_MEDUSA_REGION_ID: regions[0].id,
    },
    // Vite's own banner would repeat ours; its errors still show.
    stdio: ["ignore", "ignore", "inherit"],
  })
  storefront.once("exit", (code, signal) => {
    if (!stopping) console.error(`[dev] The storefront (vite) exited (${signal ?? `code ${code}`}); the server keeps running.`)
  })
  if (!(await waitForHttp(storefrontUrl, { child: storefront, timeoutMs: 60_000 }))) {
    problems.push("The storefront did not start (see vite's output above).")
    return null
  }
  return { url: storefrontUrl, tenant: key.sales_channel }
}

/** Runs the Medusa CLI; once a shutdown has begun, never returns (shutdown() exits). */
async function medusa(args, options = {}) {
  const result = await run(process.execPath, [medusaCli, ...args], { cwd: root, env, ...options })
  if (stopping) await new Promise(() => {})
  return result
}

function printBanner({ keys, regions }, shop) {
  const base = `http://localhost:${PORT}`
  const width = Math.max(...keys.map((k) => k.sales_channel.length), 10)
  const lines = [
    `Tiered storefront is running (ready in ${Math.round((Date.now() - startedAt) / 1000)} s)`,
    "",
    ...(shop ? [`Storefront      ${shop.url}  (${shop.tenant})`] : []),
    `Admin           ${base}/app`,
    `Admin login     ${admin.email} / ${admin.password}`,
    `Store API       ${base}/store  (header x-publishable-api-key)`,
    `Notifications   this server's log ("Attempting to send a notification") and ${base}/admin/notifications?channel=email`,
    ...regions.map((r) => `Region          ${r.name} (${r.currency_code}): ${r.id}`),
    "",
    keys.length ? "Publishable keys, by sales channel (tenant):" : "No publishable keys yet.",
    ...keys.map((k) => `  ${k.sales_channel.padEnd(width)}  ${k.token}${k.is_default ? "  (Medusa default, not a tenant)" : ""}`),
    "",
    `Database        ${db.embedded ? `embedded PostgreSQL in .data/pg-dev (${redact(db.url)})` : redact(db.url)}`,
    ...problems.map((p) => `Note: ${p}`),
    "",
    "Ctrl-C stops the storefront, the server and the database.",
  ]
  const rule = "=".repeat(Math.max(...lines.map((l) => l.length)) + 4)
  console.log(`\n${rule}\n${lines.map((l) => `  ${l}`).join("\n")}\n${rule}\n`)
}

function redact(url) {
  const parsed = new URL(url)
  if (parsed.password) parsed.password = "***"
  return parsed.toString()
}

// The seed prints `TIERED_DEMO {json}`; only its admin login is taken from there.
function seedAdmin(output) {
  const line = output.split("\n").find((l) => l.startsWith("TIERED_DEMO "))
  try {
    const { admin } = JSON.parse(line.slice("TIERED_DEMO ".length))
    return admin?.email && admin?.password ? admin : null
  } catch {
    return null
  }
}

async function withClient(fn) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: db.url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function adminExists(email) {
  return withClient(async (client) => {
    const { rowCount } = await client.query(`SELECT 1 FROM "user" WHERE email = $1 AND deleted_at IS NULL`, [email])
    return rowCount > 0
  })
}

// Read from the database rather than the seed's output: they are there whoever created them.
async function readDemo() {
  return withClient(async (client) => {
    const keys = await client.query(
      `SELECT k.token, k.title, sc.name AS sales_channel,
              EXISTS (SELECT 1 FROM store s WHERE s.default_sales_channel_id = sc.id) AS is_default
         FROM api_key k
         JOIN publishable_api_key_sales_channel l ON l.publishable_key_id = k.id AND l.deleted_at IS NULL
         JOIN sales_channel sc ON sc.id = l.sales_channel_id AND sc.deleted_at IS NULL
        WHERE k.type = 'publishable' AND k.revoked_at IS NULL AND k.deleted_at IS NULL
        ORDER BY is_default, k.created_at, sc.name`
    )
    const regions = await client.query(
      `SELECT id, name, currency_code FROM region WHERE deleted_at IS NULL ORDER BY created_at`
    )
    return { keys: keys.rows, regions: regions.rows }
  })
}
