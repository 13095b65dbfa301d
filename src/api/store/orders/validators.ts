import { z } from "@medusajs/framework/zod"
import { eventDate, id } from "../../utils/validators"

export const StoreUpgradeOrderTier = z
  .object({ line_item_id: id, to_tier_id: id, offer_id: id.optional() })
  .strict()
export type StoreUpgradeOrderTierType = z.infer<typeof StoreUpgradeOrderTier>

export const StoreRescheduleBooking = z.object({ line_item_id: id, event_date: eventDate }).strict()
export type StoreRescheduleBookingType = z.infer<typeof StoreRescheduleBooking>

/** The amount is the server's (the order's balance): a body naming one is refused. */
export const StoreStartBalancePayment = z.object({ provider_id: id, pay: z.enum(["next", "balance"]).optional() }).strict()
export type StoreStartBalancePaymentType = z.infer<typeof StoreStartBalancePayment>

export const StoreAuthorizeBalancePayment = z.object({}).strict()

export const StoreSaveBalanceMethod = z.object({ provider_id: id, payment_method_id: id.optional() }).strict()
export type StoreSaveBalanceMethodType = z.infer<typeof StoreSaveBalanceMethod>
export const StoreSetupBalanceMethod = z.object({ provider_id: id }).strict()
export type StoreSetupBalanceMethodType = z.infer<typeof StoreSetupBalanceMethod>
export const StoreBalanceMethods = z.object({}).strict()
