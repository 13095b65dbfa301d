import { createHash } from "node:crypto"

export type Variant = { key: string; weight: number }

/** A uniform number in [0, 1) from a string, the same on every machine and run. */
export function unitHash(input: string): number {
  const digest = createHash("sha256").update(input).digest()
  // 48 bits are plenty for percent-level buckets and stay exact in a double.
  return digest.readUIntBE(0, 6) / 2 ** 48
}

/**
 * Which variant a visitor sees, or null when outside the experiment's traffic. The store buckets
 * only ids the server signed (visitor-id.ts): a hash of a chosen id is a chosen bucket.
 * Inclusion and variant use separate hashes: raising the traffic percent adds
 * visitors without moving anyone already in from one variant to another.
 */
export function assignVariant(
  experimentKey: string,
  visitorId: string,
  trafficPercent: number,
  variants: Variant[]
): string | null {
  if (!variants.length || unitHash(`${experimentKey}:traffic:${visitorId}`) * 100 >= trafficPercent) {
    return null
  }
  const total = variants.reduce((sum, v) => sum + Math.max(0, v.weight), 0)
  if (total <= 0) {
    return null
  }
  let point = unitHash(`${experimentKey}:variant:${visitorId}`) * total
  for (const variant of variants) {
    point -= Math.max(0, variant.weight)
    if (point < 0) {
      return variant.key
    }
  }
  return variants[variants.length - 1].key
}
