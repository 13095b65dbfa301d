import fc from "fast-check"
import { controlCharacterIn, findInputProblem, findPathProblem, findQueryKeyProblem, loneSurrogateIn, MAX_NESTING } from "../control-characters"

const refused = [...Array.from({ length: 32 }, (_, i) => i).filter((c) => ![9, 10, 13].includes(c)), 127].map((c) =>
  String.fromCharCode(c)
)

describe("controlCharacterIn", () => {
  const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`
  it.each(refused.map((c) => [hex(c), c]))("refuses %s", (name, c) => {
    expect(controlCharacterIn(`a${c}b`)).toBe(name)
  })

  it("lets tab, newline, carriage return and ordinary text through", () => {
    for (const text of ["line one\nline two\r\n\tindented", "Café, 🎉 and ½ — “quotes”", "", "\u0080\u00a0\u200b"]) {
      expect(controlCharacterIn(text)).toBeNull()
    }
  })

  it("finds one in any string holding one (property)", () => {
    fc.assert(
      fc.property(fc.string(), fc.constantFrom(...refused), fc.string(), (before, c, after) => {
        expect(controlCharacterIn(before + c + after)).not.toBeNull()
      })
    )
  })
})

describe("findInputProblem", () => {
  it("names the field, however deep", () => {
    expect(findInputProblem({ context: { segment: "lux\u0000" } }, "body")).toEqual({
      field: "body.context.segment",
      message: "body.context.segment must not contain control characters (found U+0000)",
    })
    expect(findInputProblem({ tier_ids: ["a", "b\u0007"] }, "body")?.field).toBe("body.tier_ids[1]")
    expect(findInputProblem({ properties: { "bad key": "x\u001f" } }, "body")?.field).toBe('body.properties["bad key"]')
    expect(findInputProblem("text\u007f", "body")?.field).toBe("body")
  })

  it("refuses an unpaired surrogate (PostgreSQL refuses it in JSON) and keeps paired ones (emoji)", () => {
    expect(findInputProblem({ properties: { source: "\ud800" } }, "body")?.message).toBe(
      "body.properties.source must be valid Unicode text (found an unpaired surrogate, U+D800)"
    )
    expect(findInputProblem({ note: "x\udc00y" }, "body")?.field).toBe("body.note")
    expect(findInputProblem({ ["k\udbff"]: 1 }, "body")?.message).toContain("a field name in body must be valid Unicode text")
    expect(findInputProblem({ note: "wedding \ud83d\udc8d rings", name: "Zo\u00eb" }, "body")).toBeNull()
    expect(loneSurrogateIn("\ud83d\udc8d")).toBeNull()
    expect(loneSurrogateIn("a\ud83d")).toBe("U+D83D")
    expect(loneSurrogateIn("\udc8d\ud83d")).toBe("U+DC8D")
  })

  it("checks field names too", () => {
    expect(findInputProblem({ metadata: { "k\u0000": 1 } }, "body")?.message).toBe(
      "a field name in body.metadata must not contain control characters (found U+0000)"
    )
  })

  it("passes clean input of any shape (property)", () => {
    const clean = fc.string().filter((s) => controlCharacterIn(s) === null)
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }).filter((v) => !JSON.stringify(v).match(/\\u00[01]|\\u007f/i)), (value) => {
        expect(findInputProblem(value, "body")).toBeNull()
      })
    )
    fc.assert(fc.property(fc.dictionary(clean, clean), (value) => expect(findInputProblem(value, "query")).toBeNull()))
  })

  it("refuses nesting past its limit without recursing (a very deep body cannot exhaust the stack)", () => {
    let deep: unknown = "leaf"
    for (let i = 0; i < 100_000; i++) deep = [deep]
    expect(findInputProblem(deep, "body")?.message).toBe(`body${"[0]".repeat(MAX_NESTING)} nests deeper than ${MAX_NESTING} levels`)
    let ok: unknown = "leaf"
    for (let i = 0; i < MAX_NESTING; i++) ok = { a: ok }
    expect(findInputProblem(ok, "body")).toBeNull()
  })

  it("ignores numbers, booleans and null", () => {
    expect(findInputProblem({ a: 1e308, b: -1, c: true, d: null, e: [0] }, "body")).toBeNull()
  })
})

describe("findPathProblem", () => {
  it("decodes each segment and names where it is", () => {
    expect(findPathProblem("/store/carts/%00/line-items")?.message).toBe(
      'the path segment after "/store/carts" must not contain control characters (found U+0000)'
    )
    expect(findPathProblem("/store/segments/%1F")?.message).toContain("U+001F")
    expect(findPathProblem("/store/segments/%E0%A4%A")?.message).toBe('the path segment after "/store/segments" is not valid percent-encoding')
  })

  it("passes ordinary paths, encoded text included", () => {
    for (const path of ["/store/segments/signature", "/store/tiers/tier_01J/availability", "/admin/segments/caf%C3%A9", "/store/a%20b", "/"]) {
      expect(findPathProblem(path)).toBeNull()
    }
  })
})

describe("findQueryKeyProblem", () => {
  it("lets plain and two-level names through and names one nested deeper", () => {
    expect(findQueryKeyProblem({ limit: "20", "created_at.gte": "2027-01-01", q: "a.b.c" })).toBeNull()
    expect(findQueryKeyProblem({ limit: "20", "Pc#.v%.3": "x" })).toEqual({
      field: "query",
      message: 'the query parameter "Pc#.v%.3" is nested more than two levels deep (a.b at most)',
    })
  })
})
