// The storefront's vite dev server, started through vite's API with the config module imported as
// it is (node scripts/storefront-dev.mjs <port>). Vite's CLI bundles a config file into a
// timestamped file beside it each time it starts, which `medusa develop`'s watcher (the whole
// repository) sees as a change and restarts the server for; this start writes nothing there.
import { createServer } from "vite"
import config from "../storefront/vite.config.mjs"

const port = Number(process.argv[2] ?? 5173)
const server = await createServer({ ...config, configFile: false, server: { ...config.server, port } })
await server.listen()
server.printUrls()
