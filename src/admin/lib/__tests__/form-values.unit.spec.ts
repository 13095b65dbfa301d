import {
  changedFields,
  formatPriceRange,
  matrixLevels,
  nextFreeLevel,
  numberOrNull,
  segmentFormValues,
  segmentPayload,
  tierChanges,
  tierFormValues,
  tierPayload,
} from "../form-values"
import type { Segment, Tier } from "../../../contract/admin"

const tier = (overrides: Partial<Tier> = {}): Tier => ({
  id: "tier_1",
  segment_id: "seg_1",
  level: 1,
  name: "Essential",
  max_guests: 50,
  days: 1,
  features: ["6 hours", "Gallery"],
  is_popular: false,
  rank: 0,
  archived_at: null,
  product: null,
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  ...overrides,
})

const segment = (overrides: Partial<Segment> = {}): Segment => ({
  id: "seg_1",
  handle: "signature",
  name: "Signature",
  description: null,
  audience: "Couples",
  price_range: { min: 5000, max: 10000 },
  rank: 1,
  image: null,
  is_active: true,
  commission_percent: 10,
  metadata: null,
  tiers: [],
  created_at: "2026-01-01T00:00:00.000Z",
  updated_at: "2026-01-01T00:00:00.000Z",
  ...overrides,
})

describe("numberOrNull", () => {
  it("treats an empty input as no value and passes anything else on as a number", () => {
    expect(numberOrNull("  ")).toBeNull()
    expect(numberOrNull("0")).toBe(0)
    expect(numberOrNull("12.5")).toBe(12.5)
  })
})

describe("segment form", () => {
  it("round-trips a segment without inventing changes", () => {
    const values = segmentFormValues(segment())
    expect(changedFields(segmentPayload(values), segmentPayload(segmentFormValues(segment())))).toEqual({})
  })

  it("sends blanks as null and leaves out empty rank and commission", () => {
    const payload = segmentPayload({ ...segmentFormValues(), handle: " new ", name: " New " })
    expect(payload).toEqual({
      handle: "new",
      name: "New",
      description: null,
      audience: null,
      price_range: { min: null, max: null },
      image: null,
      is_active: true,
    })
  })

  it("an edit sends only the changed fields", () => {
    const before = segmentPayload(segmentFormValues(segment()))
    const after = segmentPayload({ ...segmentFormValues(segment()), price_max: "12000", name: "Signature" })
    expect(changedFields(before, after)).toEqual({ price_range: { min: 5000, max: 12000 } })
  })
})

describe("tier form", () => {
  it("starts from the defaults when there is no tier", () => {
    expect(tierFormValues(undefined, { name: "Harbour Wedding" })).toEqual({
      segment_id: "",
      level: "1",
      name: "Harbour Wedding",
      features: [],
      max_guests: "",
      days: "1",
      is_popular: false,
    })
  })

  it("builds the create body from the form", () => {
    const values = { ...tierFormValues(tier()), max_guests: "" }
    expect(tierPayload(values)).toEqual({ level: 1, name: "Essential", max_guests: null, days: 1, features: ["6 hours", "Gallery"], is_popular: false })
  })

  it("a move to another segment is sent as segment_id with the other changes only", () => {
    const initial = tierFormValues(tier())
    expect(tierChanges(initial, { ...initial, segment_id: "seg_2", is_popular: true })).toEqual({
      segment_id: "seg_2",
      is_popular: true,
    })
    expect(tierChanges(initial, initial)).toEqual({})
  })
})

describe("matrix", () => {
  it("shows levels 1..3, more when a segment goes higher", () => {
    expect(matrixLevels([])).toEqual([1, 2, 3])
    expect(matrixLevels([segment({ tiers: [tier({ level: 5 })] })])).toEqual([1, 2, 3, 4, 5])
  })

  it("suggests the lowest level without a live tier", () => {
    const tiers = [tier({ level: 1 }), tier({ id: "tier_2", level: 2, archived_at: "2026-01-02" }), tier({ id: "tier_3", level: 3 })]
    expect(nextFreeLevel(segment({ tiers }))).toBe(2)
  })

  it("formats open and closed price ranges", () => {
    expect(formatPriceRange({ min: null, max: null })).toBe("No price range")
    expect(formatPriceRange({ min: 10000, max: null })).toBe("10,000+")
    expect(formatPriceRange({ min: null, max: 5000 })).toBe("up to 5,000")
    expect(formatPriceRange({ min: 5000, max: 10000 })).toBe("5,000 – 10,000")
  })
})
