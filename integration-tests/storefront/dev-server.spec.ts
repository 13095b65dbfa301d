// `npm run dev` runs `medusa develop`, which restarts the server on any change in the repository
// outside the paths it ignores (dot files, node_modules, dist, static, private, src/admin, .medusa
// in Medusa 2.21). Starting the storefront's dev server and serving its entry module must change
// nothing it watches.
import { spawn } from "node:child_process"
import net from "node:net"
import path from "node:path"
import chokidar from "chokidar"

const root = path.resolve(__dirname, "..", "..")

function freePort() {
  return new Promise<number>((resolve, reject) => {
    const server = net.createServer()
    server.once("error", reject)
    server.listen(0, () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

describe("storefront dev server", () => {
  test("starting the storefront's dev server changes no file medusa develop watches", async () => {
    const watcher = chokidar.watch(".", {
      cwd: root,
      ignoreInitial: true,
      ignored: (file) => {
        const relative = path.relative(root, path.resolve(root, file)).split(path.sep)
        return relative.some((part) => part.startsWith(".")) || ["node_modules", "dist", "static", "private"].includes(relative[0]) || relative.slice(0, 2).join("/") === "src/admin"
      },
    })
    const changes: string[] = []
    await new Promise((resolve) => watcher.on("ready", () => resolve(null)))
    watcher.on("all", (event, file) => changes.push(`${event} ${file}`))
    const port = await freePort()
    // One process: the dev server runs in scripts/storefront-dev.mjs itself.
    const child = spawn(process.execPath, [path.join(root, "scripts", "storefront-dev.mjs"), String(port)], { cwd: root, stdio: "ignore" })
    const exited = new Promise((resolve) => child.once("exit", resolve))
    try {
      let up = false
      for (const deadline = Date.now() + 60_000; !up && child.exitCode === null && Date.now() < deadline; ) {
        up = await fetch(`http://localhost:${port}/`, { signal: AbortSignal.timeout(5_000) }).then((r) => r.ok, () => false)
        if (!up) await new Promise((resolve) => setTimeout(resolve, 500))
      }
      if (!up) throw new Error("the storefront's dev server did not answer")
      const entry = await fetch(`http://localhost:${port}/src/main.tsx`)
      if (!entry.ok) throw new Error(`the dev server answered ${entry.status} for src/main.tsx`)
      await new Promise((resolve) => setTimeout(resolve, 1_500))
      if (changes.length) throw new Error(`medusa develop would restart for: ${changes.join(", ")}`)
    } finally {
      if (child.exitCode === null) child.kill("SIGTERM")
      await exited
      await watcher.close()
    }
  })
})
