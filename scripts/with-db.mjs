// Runs a command with a database: DATABASE_URL when set, otherwise an embedded
// PostgreSQL that lives only for this command. Usage: node scripts/with-db.mjs <cmd> [args...]
import { spawn } from "node:child_process"
import { connectionEnv, startDatabase } from "./embedded-db.mjs"

const [command, ...args] = process.argv.slice(2)
if (!command) {
  console.error("usage: node scripts/with-db.mjs <command> [args...]")
  process.exit(2)
}

// A folder of its own, so two commands at once do not wipe each other's server.
const db = await startDatabase({ name: `pg-cmd-${process.pid}`, database: "tiered_cmd", persistent: false })
const child = spawn(command, args, {
  stdio: "inherit",
  shell: process.platform === "win32",
  env: {
    ...process.env,
    ...connectionEnv(db.url),
    MEDUSA_DISABLE_TELEMETRY: "true",
    PATH: `${process.cwd()}/node_modules/.bin:${process.env.PATH}`,
  },
})
const forward = (signal) => child.kill(signal)
process.on("SIGINT", forward)
process.on("SIGTERM", forward)
child.on("exit", async (code, signal) => {
  await db.stop()
  process.exit(code ?? (signal ? 1 : 0))
})
