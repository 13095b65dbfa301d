import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { deleteLineItemsWorkflow } from "@medusajs/medusa/core-flows"
import { reservedMetadataKeys } from "../../lib/cart-lines"
import { cartTierLineRecords } from "../../queries/tier-lines"

/**
 * Medusa's line update route cannot change a package or add-on line (its quantity, price or
 * details are the plugin's decision, recorded when tier-items added it), nor put the plugin's
 * metadata keys on a plain line.
 */
export async function refuseTierLineUpdate(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const records = await cartTierLineRecords(req.scope, req.params.id)
    const record = records.find((r) => r.cart_line_item_id === req.params.line_id)
    if (record) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        record.kind === "tier"
          ? `Line item ${req.params.line_id} is a package booked for ${record.event_date}: it cannot be changed here; remove it and add it again with POST /store/carts/${req.params.id}/tier-items, or upgrade it with tier-upgrade`
          : `Line item ${req.params.line_id} is an add-on of a package: it cannot be changed here; remove the package and add it again with the add-ons it should have`
      )
    }
    const keys = reservedMetadataKeys((req.body as { metadata?: unknown } | undefined)?.metadata)
    if (keys.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Line metadata may not set ${keys.join(", ")}: those describe packages and are set by the server`)
    }
    next()
  } catch (e) {
    next(e)
  }
}

/**
 * Removing a package line through Medusa's route removes its add-on lines with it: an add-on is
 * sold only with its package. The package line itself is then removed by Medusa's handler.
 */
export async function removeAddonsWithTierLine(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  try {
    const records = await cartTierLineRecords(req.scope, req.params.id)
    const record = records.find((r) => r.cart_line_item_id === req.params.line_id && r.kind === "tier")
    const addonLines = record
      ? records.filter((r) => r.kind === "addon" && r.parent_id === record.id && r.cart_line_item_id).map((r) => r.cart_line_item_id!)
      : []
    if (addonLines.length) {
      await deleteLineItemsWorkflow(req.scope).run({ input: { cart_id: req.params.id, ids: addonLines } })
    }
    next()
  } catch (e) {
    next(e)
  }
}
