import fc from "fast-check"
import { CONNECT_DATA_KEY, readConnectData, scaledFee } from "../connect-data"

const connect = { destination: "acct_123", application_fee_amount: 204000, amount: 18000, currency_code: "usd" }

describe("readConnectData", () => {
  it("reads the server's Connect data from a session's data", () => {
    expect(readConnectData({ [CONNECT_DATA_KEY]: connect, other: 1 })).toEqual(connect)
  })

  it("is null when absent or malformed, so the provider refuses the session", () => {
    expect(readConnectData(undefined)).toBeNull()
    expect(readConnectData({})).toBeNull()
    expect(readConnectData({ [CONNECT_DATA_KEY]: { ...connect, destination: "not-an-account" } })).toBeNull()
    expect(readConnectData({ [CONNECT_DATA_KEY]: { ...connect, application_fee_amount: -1 } })).toBeNull()
    expect(readConnectData({ [CONNECT_DATA_KEY]: { ...connect, application_fee_amount: 10.5 } })).toBeNull()
  })
})

describe("scaledFee", () => {
  it("keeps the fee in proportion to a new amount", () => {
    expect(scaledFee(connect, 900000, 1800000)).toBe(102000)
    expect(scaledFee(connect, 0, 1800000)).toBe(0)
    expect(scaledFee(connect, 100, 0)).toBe(0)
  })

  it("never exceeds the new amount (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 10_000_000 }), (fee, oldAmount, newAmount) => {
        const scaled = scaledFee({ ...connect, application_fee_amount: fee }, newAmount, oldAmount)
        expect(scaled).toBeGreaterThanOrEqual(0)
        expect(scaled).toBeLessThanOrEqual(newAmount)
        expect(Number.isInteger(scaled)).toBe(true)
      })
    )
  })
})
