// Lives outside src/modules: Medusa loads every folder there as a module.
import { readdirSync } from "node:fs"
import path from "node:path"

// Medusa records the migrations it ran by name in one table for every module: a name two modules
// share runs once, and the second module's migration is skipped without a word.
describe("module migrations", () => {
  it("have names no other module uses", () => {
    const modules = path.join(__dirname, "../../src/modules")
    const seen = new Map<string, string>()
    const clashes: string[] = []
    for (const module of readdirSync(modules, { withFileTypes: true }).filter((d) => d.isDirectory())) {
      const folder = path.join(modules, module.name, "migrations")
      let files: string[] = []
      try {
        files = readdirSync(folder).filter((f) => /^Migration\d+\.ts$/.test(f))
      } catch {
        continue
      }
      for (const file of files) {
        const name = file.replace(/\.ts$/, "")
        const other = seen.get(name)
        if (other) {
          clashes.push(`${name}: ${other} and ${module.name}`)
        }
        seen.set(name, module.name)
      }
    }
    expect(seen.size).toBeGreaterThan(10)
    expect(clashes).toEqual([])
  })
})
