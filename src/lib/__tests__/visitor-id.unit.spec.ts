import fc from "fast-check"
import { issueVisitorId, verifiedVisitorId } from "../visitor-id"

const SECRET = "a-secret-of-the-server-0123456789"

describe("issueVisitorId", () => {
  it("issues short, url-safe ids that differ each time and verify under the same secret", () => {
    const ids = new Set<string>()
    for (let i = 0; i < 1000; i++) {
      const id = issueVisitorId(SECRET)
      expect(id).toMatch(/^[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]{22}$/)
      expect(encodeURIComponent(id)).toBe(id)
      expect(verifiedVisitorId(id, SECRET)).toBe(id)
      ids.add(id)
    }
    expect(ids.size).toBe(1000)
  })

  it("refuses to sign without a secret", () => {
    expect(() => issueVisitorId("")).toThrow("secret")
  })
})

describe("verifiedVisitorId", () => {
  it("refuses an id signed with another secret", () => {
    expect(verifiedVisitorId(issueVisitorId("another-secret-0123456789"), SECRET)).toBeNull()
  })

  it("refuses unsigned, chosen and malformed ids and non-strings", () => {
    for (const id of ["visitor-1", "", "abc.def", undefined, null, 42, {}, ["x"], `${"a".repeat(16)}.${"b".repeat(22)}`]) {
      expect(verifiedVisitorId(id, SECRET)).toBeNull()
    }
  })

  it("refuses an id whose random part or signature was changed in any one character", () => {
    const id = issueVisitorId(SECRET)
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
    fc.assert(
      fc.property(fc.integer({ min: 0, max: id.length - 1 }), fc.constantFrom(...alphabet), (at, ch) => {
        fc.pre(id[at] !== "." && id[at] !== ch)
        const changed = id.slice(0, at) + ch + id.slice(at + 1)
        return verifiedVisitorId(changed, SECRET) === null
      })
    )
  })

  it("refuses an id with anything around it", () => {
    const id = issueVisitorId(SECRET)
    for (const changed of [` ${id}`, `${id} `, `${id}\n`, `${id}.x`, `x${id}`, id.toUpperCase()]) {
      expect(verifiedVisitorId(changed, SECRET)).toBeNull()
    }
  })

  it("refuses everything when the secret is empty", () => {
    expect(verifiedVisitorId(issueVisitorId(SECRET), "")).toBeNull()
  })
})
