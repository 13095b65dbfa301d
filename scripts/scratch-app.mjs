// A copy of the project's app (src/, medusa-config.ts, instrumentation.ts, tsconfig.json, package.json) in a scratch
// folder under .cache/, for runners that start a real server: they work on a snapshot of the
// sources and leave the repository's .medusa/ alone. node_modules is the repository's, linked.
import fs from "node:fs"
import path from "node:path"
import pg from "pg"
import { medusaCli, root, run } from "./processes.mjs"

const ENTRIES = ["src", "medusa-config.ts", "instrumentation.ts", "tsconfig.json", "package.json"]

/**
 * @param {string} dir the scratch folder
 * @returns the folder, its logs folder and a runner of Medusa CLI commands whose output goes to
 *   logs/<name>.log (the log's tail is in the error when a command fails)
 */
export function scratchApp(dir) {
  const logs = path.join(dir, "logs")

  function copy() {
    fs.mkdirSync(dir, { recursive: true })
    for (const entry of ENTRIES) {
      fs.rmSync(path.join(dir, entry), { recursive: true, force: true })
      fs.cpSync(path.join(root, entry), path.join(dir, entry), { recursive: true })
    }
    const modules = path.join(dir, "node_modules")
    if (!fs.existsSync(modules)) {
      fs.symlinkSync(path.join(root, "node_modules"), modules, "dir")
    }
  }

  /** A log file of its own for a command; `fd` is open for writing. */
  function logTo(name) {
    fs.mkdirSync(logs, { recursive: true })
    const file = path.join(logs, `${name}.log`)
    return { file, fd: fs.openSync(file, "w") }
  }

  /** Runs `medusa <args>` in the scratch app; resolves with its output, throws when it fails. */
  async function medusa(args, env, name = args[0].replace(/[^a-z]+/g, "-")) {
    const { file, fd } = logTo(name)
    try {
      const result = await run(process.execPath, [medusaCli, ...args], { cwd: dir, env, stdio: ["ignore", fd, fd] })
      const output = fs.readFileSync(file, "utf8")
      if (result.code !== 0) {
        throw new Error(`medusa ${args.join(" ")} failed (exit ${result.code}); its output ends with:\n${tail(file)}`)
      }
      return output
    } finally {
      fs.closeSync(fd)
    }
  }

  return { dir, logs, copy, logTo, medusa }
}

/** Every file under `dir`, sorted (the inputs a runner hashes to know when to rebuild). */
export function listFiles(dir) {
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const full = path.join(dir, entry.name)
      return entry.isDirectory() ? listFiles(full) : [full]
    })
    .sort()
}

export function tail(file, lines = 30) {
  const text = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : ""
  return text.trimEnd().split("\n").slice(-lines).join("\n")
}

/**
 * Migration arguments for the database: a never-migrated database has no data for Medusa's
 * data-migration scripts to convert, and they cost a second boot, so it skips them.
 */
export async function migrateArgs(url) {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    const { rows } = await client.query("SELECT to_regclass('public.script_migrations') IS NULL AS fresh")
    return ["db:migrate", "--execute-safe-links", ...(rows[0].fresh ? ["--skip-scripts"] : [])]
  } finally {
    await client.end()
  }
}
