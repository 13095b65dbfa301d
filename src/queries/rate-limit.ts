import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { RateLimitError } from "../lib/errors"

/**
 * A fixed one-minute window counted in Medusa's cache module (in memory by
 * default, Redis when the host configures it, so instances share it). The
 * count is read then written, so a burst racing on one key may pass a few
 * over the limit; it bounds floods, it is not billing.
 */
export async function takeRateLimit(scope: MedusaContainer, key: string, perMinute: number): Promise<void> {
  const cache = scope.resolve(Modules.CACHE)
  const window = Math.floor(Date.now() / 60_000)
  const cacheKey = `tiered:rate:${key}:${window}`
  const used = Number((await cache.get<number>(cacheKey)) ?? 0)
  if (used >= perMinute) {
    throw new RateLimitError(`Too many requests: at most ${perMinute} a minute; try again in ${60 - Math.floor((Date.now() / 1000) % 60)} s`)
  }
  await cache.set(cacheKey, used + 1, 120)
}

/** Requests a visitor may send a minute to a store route family, and a client address (many visitors behind one proxy). */
export const STORE_RATE_LIMITS = {
  events: { visitor: 60, address: 600 },
  offers: { visitor: 60, address: 600 },
  decisions: { visitor: 30, address: 300 },
  // Each start may ask the provider for a new payment (a provider switched): per order, and per address.
  balance_payments: { visitor: 10, address: 100 },
} as const

/**
 * Counts a request against the route family's limits in the tenant, for the visitor and the
 * client address given; a 429 (with Retry-After) once either is used up.
 */
export async function takeStoreRateLimits(
  scope: MedusaContainer,
  route: keyof typeof STORE_RATE_LIMITS,
  tenant: string,
  from: { visitor_id?: string; address?: string | undefined }
): Promise<void> {
  const limits = STORE_RATE_LIMITS[route]
  if (from.visitor_id !== undefined) {
    await takeRateLimit(scope, `${route}:${tenant}:visitor:${from.visitor_id}`, limits.visitor)
  }
  if ("address" in from) {
    await takeRateLimit(scope, `${route}:${tenant}:address:${from.address ?? "unknown"}`, limits.address)
  }
}
