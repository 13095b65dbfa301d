import { roundToMinor } from "./money"

/** A Medusa payment collection as Query answers it (amounts may come as strings or big numbers). */
export type PaidCollection = {
  status?: string | null
  authorized_amount?: unknown
  captured_amount?: unknown
  refunded_amount?: unknown
}

/** The fields of an order's payment collections that paidOf reads, as Query paths. */
export const PAID_COLLECTION_FIELDS = ["status", "authorized_amount", "captured_amount", "refunded_amount"].map((f) => `payment_collections.${f}`)

const amount = (value: unknown) => {
  const n = Number(value ?? 0)
  return Number.isFinite(n) ? n : 0
}

/**
 * What an order's payment collections hold: each one's authorized or captured amount (whichever
 * is larger) less its refunds. A canceled or failed collection holds nothing: Medusa cancels an
 * uncaptured authorization (an order edit, a cancel) without lowering the collection's
 * `authorized_amount`, so only its status tells the money is gone.
 */
export function paidOf(collections: PaidCollection[], currencyCode: string): number {
  const held = collections
    .filter((c) => c.status !== "canceled" && c.status !== "failed")
    .reduce((sum, c) => sum + Math.max(amount(c.authorized_amount), amount(c.captured_amount)) - amount(c.refunded_amount), 0)
  return roundToMinor(Math.max(0, held), currencyCode)
}
