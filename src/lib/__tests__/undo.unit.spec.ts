import { valuesBefore } from "../undo"

describe("valuesBefore", () => {
  it("returns the changed fields' previous values only, skipping unknown ids", () => {
    const previous = [
      { id: "a", name: "Old", level: 1, rank: 5 },
      { id: "b", name: "B", level: 2, rank: 0 },
    ]
    expect(
      valuesBefore(previous, [
        { id: "a", name: "New" },
        { id: "b", level: 3, rank: 1 },
        { id: "c", name: "Ghost" },
      ])
    ).toEqual([
      { id: "a", name: "Old" },
      { id: "b", level: 2, rank: 0 },
    ])
  })
})
