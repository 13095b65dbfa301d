import react from "@vitejs/plugin-react"
import path from "node:path"
import { fileURLToPath } from "node:url"
import { defineConfig } from "vite"

const here = path.dirname(fileURLToPath(import.meta.url))
const repository = path.resolve(here, "..")

// The storefront builds against the plugin's client source, so it always speaks the API of this
// checkout. Config comes from VITE_MEDUSA_* variables (see src/config.ts); `npm run dev` sets them.
export default defineConfig({
  root: here,
  plugins: [react()],
  resolve: { alias: { "@tiered/client": path.join(repository, "src", "client", "index.ts") } },
  server: { port: 5173, strictPort: true, fs: { allow: [repository] } },
  preview: { port: 5173, strictPort: true },
  build: { outDir: path.join(here, "dist"), emptyOutDir: true },
})
