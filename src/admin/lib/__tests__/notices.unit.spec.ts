import { lapsingHours, NOTICE_LABELS, NOTICE_TEMPLATES } from "../notices"

describe("the Notifications section", () => {
  it("names every template", () => {
    expect(Object.keys(NOTICE_LABELS).sort()).toEqual([...NOTICE_TEMPLATES].sort())
  })

  it("takes a warning window of whole hours from 1 to 168 only", () => {
    expect(lapsingHours("24")).toBe(24)
    expect(lapsingHours("168")).toBe(168)
    for (const bad of ["0", "169", "2.5", "", "abc", "-3"]) {
      expect(lapsingHours(bad)).toBeNull()
    }
  })
})
