import fs from "node:fs"
import path from "node:path"
import ts from "typescript"

const root = path.resolve(__dirname, "..", "..")

/** Every file the client reaches through relative imports, and the packages it names. */
function reach(entry: string) {
  const files = new Set<string>()
  const packages = new Set<string>()
  const visit = (file: string) => {
    if (files.has(file)) return
    files.add(file)
    const { importedFiles } = ts.preProcessFile(fs.readFileSync(file, "utf8"), true, true)
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith(".")) {
        packages.add(fileName)
        continue
      }
      const base = path.resolve(path.dirname(file), fileName)
      visit([`${base}.ts`, path.join(base, "index.ts")].find((f) => fs.existsSync(f))!)
    }
  }
  visit(entry)
  return { files: [...files].map((f) => path.relative(root, f)).sort(), packages: [...packages].sort() }
}

describe("the storefront client", () => {
  it("reaches only its own files, the HTTP contract and the pure rules in src/lib, and no package but the JS SDK", () => {
    const { files, packages } = reach(path.join(root, "src", "client", "index.ts"))
    expect(files.filter((f) => !/^src\/(client|contract|lib)\/[^/]+\.ts$/.test(f))).toEqual([])
    expect(files).toEqual(expect.arrayContaining(["src/client/index.ts", "src/contract/store.ts", "src/lib/pricing.ts"]))
    expect(packages).toEqual(["@medusajs/js-sdk"])
  })
})
