import { toCsv } from "../csv"

describe("toCsv", () => {
  it("writes a header and one line per row, quoting what needs it", () => {
    const csv = toCsv(
      [
        { name: "Signature", revenue: 8700, note: 'said "wow", twice' },
        { name: "Luxury\nsuite", revenue: -12.5, note: null },
      ],
      ["name", "revenue", "note"]
    )
    expect(csv).toBe('name,revenue,note\r\nSignature,8700,"said ""wow"", twice"\r\n"Luxury\nsuite",-12.5,\r\n')
  })

  it("keeps spreadsheet formulas from running", () => {
    expect(toCsv([{ a: "=SUM(A1)", b: -3 }], ["a", "b"])).toBe("a,b\r\n'=SUM(A1),-3\r\n")
  })
})
