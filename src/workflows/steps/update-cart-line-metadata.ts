import { Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"

export type LineMetadataUpdate = { id: string; metadata: Record<string, unknown> }

/** Replaces the metadata of cart lines, putting the old metadata back on compensation. */
export const updateCartLineMetadataStep = createStep(
  "update-cart-line-metadata",
  async (updates: LineMetadataUpdate[], { container }) => {
    if (!updates.length) {
      return new StepResponse([], [])
    }
    const cartModule = container.resolve(Modules.CART)
    const before = await cartModule.listLineItems({ id: updates.map((u) => u.id) }, { select: ["id", "metadata"] })
    for (const update of updates) {
      await cartModule.updateLineItems(update.id, { metadata: update.metadata })
    }
    return new StepResponse(
      updates.map((u) => u.id),
      before.map((b) => ({ id: b.id, metadata: (b.metadata ?? {}) as Record<string, unknown> }))
    )
  },
  async (undo, { container }) => {
    if (!undo?.length) {
      return
    }
    const cartModule = container.resolve(Modules.CART)
    for (const update of undo) {
      await cartModule.updateLineItems(update.id, { metadata: update.metadata })
    }
  }
)
