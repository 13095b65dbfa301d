/** Serializes writes to the tier structure (levels, badges, product links) across processes. */
export const TIER_STRUCTURE_LOCK = "tiered-storefront:tier-structure"
export const TIER_LOCK_OPTIONS = { key: TIER_STRUCTURE_LOCK, timeout: 15, ttl: 60 }

/** Serializes the writes to one order's balance (sessions, authorizations, offline records, refunds). */
export const balanceLockKey = (orderId: string) => `tiered-storefront:balance:${orderId}`
