import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { RateLimitError } from "../../workflows/errors"

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
    throw new RateLimitError(`Too many events: at most ${perMinute} a minute; try again in ${60 - Math.floor((Date.now() / 1000) % 60)} s`)
  }
  await cache.set(cacheKey, used + 1, 120)
}
