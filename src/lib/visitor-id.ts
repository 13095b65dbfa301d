import { MedusaError } from "@medusajs/framework/utils"
import { createHmac, randomBytes, timingSafeEqual } from "node:crypto"

/**
 * Visitor ids the server issues: `<random>.<signature>`, both base64url. Only an id carrying
 * the server's HMAC-SHA256 signature of its random part is trusted for bucketing, so a client
 * cannot choose its experiment variant or rollout bucket by choosing its id.
 */
const RANDOM_BYTES = 12
const SIGNATURE_BYTES = 16
const SHAPE = /^([A-Za-z0-9_-]{16})\.([A-Za-z0-9_-]{22})$/

function signature(random: string, secret: string): Buffer {
  // Truncated HMAC: 128 bits keep forgery out of reach and the id short.
  return createHmac("sha256", secret).update(`visitor:${random}`).digest().subarray(0, SIGNATURE_BYTES)
}

/** A fresh signed visitor id (39 url-safe characters). */
export function issueVisitorId(secret: string): string {
  if (!secret) {
    throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, "A visitor id needs a secret")
  }
  const random = randomBytes(RANDOM_BYTES).toString("base64url")
  return `${random}.${signature(random, secret).toString("base64url")}`
}

/** The id when the server signed it with this secret, else null (unsigned, forged, malformed). */
export function verifiedVisitorId(id: unknown, secret: string): string | null {
  if (typeof id !== "string" || !secret) {
    return null
  }
  const match = SHAPE.exec(id)
  if (!match) {
    return null
  }
  const given = Buffer.from(match[2], "base64url")
  const expected = signature(match[1], secret)
  // A 22-character base64url string can decode to bytes that re-encode differently; compare bytes of equal length.
  if (given.length !== expected.length || given.toString("base64url") !== match[2]) {
    return null
  }
  return timingSafeEqual(given, expected) ? id : null
}
