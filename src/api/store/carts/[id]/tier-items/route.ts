import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { addTierToCartWorkflow } from "../../../../../workflows/add-tier-to-cart"
import { StoreAddTierItemsType } from "../../validators"

export const POST = async (req: MedusaStoreRequest<StoreAddTierItemsType>, res: MedusaResponse) => {
  await addTierToCartWorkflow(req.scope).run({
    input: {
      ...req.validatedBody,
      cart_id: req.params.id,
      sales_channel_ids: req.publishable_key_context.sales_channel_ids,
    },
  })
  const query = req.scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "cart",
    fields: [
      "id",
      "currency_code",
      "region_id",
      "sales_channel_id",
      "total",
      "subtotal",
      "item_total",
      "items.id",
      "items.title",
      "items.variant_id",
      "items.product_id",
      "items.quantity",
      "items.unit_price",
      "items.is_custom_price",
      "items.requires_shipping",
      "items.metadata",
      "items.total",
    ],
    filters: { id: req.params.id },
  })
  res.json({ cart: data[0] })
}
