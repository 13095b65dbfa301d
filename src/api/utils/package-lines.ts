import { MedusaNextFunction, MedusaRequest, MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { packageTiers } from "../../queries/catalog"

/**
 * A tier's package is sold for a date, priced by the date rules and booked at checkout: added as
 * a plain line through Medusa's line-items route it would skip all three, so it is refused there.
 */
export async function refusePackageAsPlainLine(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  const variantId = (req.body as { variant_id?: unknown } | undefined)?.variant_id
  if (typeof variantId !== "string") {
    return next()
  }
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "variant", fields: ["id", "product_id"], filters: { id: variantId } })
  const productId = (data[0] as { product_id?: string } | undefined)?.product_id
  const channels = (req as MedusaStoreRequest).publishable_key_context?.sales_channel_ids ?? []
  const tier = productId ? (await packageTiers(req.scope, channels, { cached: true })).get(productId) : undefined
  if (tier) {
    return next(
      new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `${tier.row.name} is a package sold for a date: add it with POST /store/carts/${req.params.id}/tier-items`
      )
    )
  }
  next()
}
