import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { TierLineDraft } from "../../lib/cart-lines"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

/** A change to an existing record (an upgrade retires the old line and re-parents its add-ons). */
export type TierLineUpdate = {
  id: string
  status?: "active" | "pending" | "replaced"
  parent_id?: string | null
  tier_id?: string
  segment_id?: string
  order_id?: string | null
  order_line_item_id?: string | null
}

const UPDATE_FIELDS = ["id", "status", "parent_id", "tier_id", "segment_id", "order_id", "order_line_item_id"] as const

export type CreateTierLinesInput = (
  /** Records of lines just added to a cart: each is matched to its line by the record id in the line's metadata. */
  | { cart_id: string; records: TierLineDraft[] }
  /** The record of an order upgrade's new line, before the order edit adds the line. */
  | { order_id: string; records: TierLineDraft[]; status: "pending" }
) & {
  /** Changes to other records, made in the same transaction as the new ones. */
  updates?: TierLineUpdate[]
}

/**
 * Writes the plugin's records of new lines (and, in the same transaction, the changes an
 * upgrade makes to the old ones). For a cart they are written after Medusa added the lines (the
 * line ids are needed): a process that dies in between leaves lines without records, which
 * checkout refuses, never a record that says more than its line.
 */
export const createTierLinesStep = createStep(
  "create-tier-lines",
  async (input: CreateTierLinesInput, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const updates = input.updates ?? []
    const before = updates.length
      ? (await service.listTierLines({ id: updates.map((u) => u.id) }, { select: [...UPDATE_FIELDS] })).map(
          (b) => Object.fromEntries(UPDATE_FIELDS.map((f) => [f, b[f]])) as TierLineUpdate
        )
      : []
    let create: Parameters<BookingModuleService["applyTierLineChanges"]>[0]["create"]
    if ("order_id" in input) {
      create = input.records.map((r) => ({ ...r, order_id: input.order_id, status: input.status }))
    } else {
      const query = container.resolve(ContainerRegistrationKeys.QUERY)
      const { data } = await query.graph({ entity: "cart", fields: ["id", "items.id", "items.metadata"], filters: { id: input.cart_id } })
      const lines = new Map<string, string>()
      for (const item of (data[0] as { items?: { id: string; metadata: Record<string, unknown> | null }[] } | undefined)?.items ?? []) {
        const recordId = item.metadata?.tier_line_id
        if (typeof recordId === "string") {
          lines.set(recordId, item.id)
        }
      }
      const missing = input.records.find((r) => !lines.has(r.id))
      if (missing) {
        throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `The cart line of tier line record ${missing.id} was not found after it was added`)
      }
      create = input.records.map((r) => ({ ...r, cart_id: input.cart_id, cart_line_item_id: lines.get(r.id)!, status: "active" as const }))
    }
    const created = await service.applyTierLineChanges({ create, update: updates })
    return new StepResponse(created, { created, before })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    await service.applyTierLineChanges({ create: [], update: undo.before })
    if (undo.created.length) {
      await service.deleteTierLines(undo.created)
    }
  }
)
