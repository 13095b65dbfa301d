import fs from "node:fs"
import path from "node:path"
import ts from "typescript"

const src = path.resolve(__dirname, "..", "..", "src")

/** The src folders a layer may import from (itself always): lower layers never reach up. */
const MAY_IMPORT: Record<string, string[]> = {
  lib: [],
  contract: ["lib"],
  modules: ["lib", "contract"],
  providers: ["lib", "contract", "modules"],
  links: ["modules"],
  queries: ["lib", "contract", "modules", "providers", "links"],
  workflows: ["lib", "contract", "modules", "providers", "links", "queries"],
  client: ["lib", "contract"],
  admin: ["lib", "contract"],
}

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const file = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      return entry.name === "__tests__" || entry.name === "migrations" ? [] : sourceFiles(file)
    }
    return /\.tsx?$/.test(entry.name) ? [file] : []
  })
}

/** Each relative import of a layer's files that lands in a src folder the layer may not use. */
function reachingUp(layer: string): string[] {
  const allowed = new Set([layer, ...MAY_IMPORT[layer]])
  return sourceFiles(path.join(src, layer)).flatMap((file) =>
    ts
      .preProcessFile(fs.readFileSync(file, "utf8"), true, true)
      .importedFiles.map((i) => i.fileName)
      .filter((name) => name.startsWith("."))
      .map((name) => path.relative(src, path.resolve(path.dirname(file), name)).split(path.sep)[0])
      .filter((target) => !allowed.has(target))
      .map((target) => `${path.relative(src, file)} imports from src/${target}`)
  )
}

describe("the source layers", () => {
  it.each(Object.keys(MAY_IMPORT))("src/%s imports nothing from a higher layer", (layer) => {
    expect(reachingUp(layer)).toEqual([])
  })

  it("notices a file reaching up", () => {
    const probe = path.join(src, "lib", "__layer-probe.ts")
    fs.writeFileSync(probe, 'import type { Segment } from "../contract/admin"\nexport type Probe = Segment\n')
    try {
      expect(reachingUp("lib")).toEqual(["lib/__layer-probe.ts imports from src/contract"])
    } finally {
      fs.rmSync(probe)
    }
  })
})
