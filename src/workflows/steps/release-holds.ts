import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

/** Holds looked at per run: a backlog is worked through run after run, never in one long request. */
export const RELEASE_BATCH = 500
/** How long after taking a hold its line's record may still be on its way. */
const RECORD_GRACE_MS = 5 * 60_000

/**
 * Lets go of holds nobody needs: those that lapsed (readers ignore them already; this frees their
 * rows) and, for one cart or all, those whose line left the cart (removed through Medusa's line
 * routes, or the cart's record gone). Each is canceled only while still held, so a checkout
 * turning a hold into its claim at the same moment keeps it.
 */
export const releaseHoldsStep = createStep(
  "release-holds",
  async (input: { cart_id?: string; now?: string }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const lapsed = input.cart_id ? [] : await service.cancelLapsedHolds(input.now ? new Date(input.now) : new Date())
    // A merchant's option holds its date without a cart: only its expiry lets it go.
    const holds = await service.listBookings(
      { status: "held", option_id: null, ...(input.cart_id ? { cart_id: input.cart_id } : {}) },
      { select: ["id", "tier_line_id", "created_at"], take: RELEASE_BATCH, order: { created_at: "ASC" } }
    )
    const recordIds = holds.map((h) => h.tier_line_id).filter((id): id is string => !!id)
    const records = recordIds.length ? await service.listTierLines({ id: recordIds }, { select: ["id", "cart_line_item_id"] }) : []
    const lineIds = records.map((r) => r.cart_line_item_id).filter((id): id is string => !!id)
    const lines = lineIds.length ? await container.resolve(Modules.CART).listLineItems({ id: lineIds }, { select: ["id"] }) : []
    const live = new Set(lines.map((l) => l.id))
    const lineOf = new Map(records.map((r) => [r.id, r.cart_line_item_id]))
    // tier-items takes the hold before it writes the line's record: a hold without a record is an orphan only once that is long over.
    const settled = Date.now() - RECORD_GRACE_MS
    const orphans = holds.filter((h) => {
      const line = h.tier_line_id ? lineOf.get(h.tier_line_id) : undefined
      return line === undefined ? new Date(h.created_at).getTime() < settled : !line || !live.has(line)
    })
    const released = await service.changeStatusWhere({ ids: orphans.map((h) => h.id), from: "held", to: "canceled" })
    return new StepResponse({ lapsed: lapsed.length, released: released.length })
  }
)
