/**
 * Price bands that place a package product in a segment. A band takes every
 * price below its `below` bound (and at or above the previous band's); the last
 * band has no bound and takes the rest.
 */
export type PriceBand = {
  segment_handle: string
  below: number | null
}

export const DEFAULT_PRICE_BANDS: PriceBand[] = [
  { segment_handle: "essential", below: 5000 },
  { segment_handle: "signature", below: 10000 },
  { segment_handle: "luxury", below: null },
]

/** Returns a message for each problem with the bands; an empty list means they are usable. */
export function validateBands(bands: PriceBand[]): string[] {
  const problems: string[] = []
  if (!bands.length) {
    return ["At least one price band is required"]
  }
  bands.forEach((band, index) => {
    const last = index === bands.length - 1
    if (last && band.below !== null) {
      problems.push(
        `The last band (${band.segment_handle}) must have no upper bound (below: null)`
      )
    }
    if (!last && band.below === null) {
      problems.push(
        `Only the last band may have no upper bound; ${band.segment_handle} has none`
      )
    }
    const previous = bands[index - 1]
    if (
      previous &&
      previous.below !== null &&
      band.below !== null &&
      band.below <= previous.below
    ) {
      problems.push(
        `Band bounds must increase: ${band.segment_handle} (${band.below}) is not above ${previous.segment_handle} (${previous.below})`
      )
    }
  })
  return problems
}

/** The segment handle whose band holds the price. Bands must be valid. */
export function bandFor(price: number, bands: PriceBand[]): string {
  for (const band of bands) {
    if (band.below === null || price < band.below) {
      return band.segment_handle
    }
  }
  return bands[bands.length - 1].segment_handle
}

/** The lowest levels not yet taken, `count` of them, in ascending order. */
export function nextFreeLevels(taken: number[], count: number): number[] {
  const used = new Set(taken)
  const levels: number[] = []
  for (let level = 1; levels.length < count; level++) {
    if (!used.has(level)) {
      levels.push(level)
    }
  }
  return levels
}
