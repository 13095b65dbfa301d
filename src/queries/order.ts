import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { CartItemRow, ITEM_FIELDS } from "./cart"

export type OrderWithItems = {
  id: string
  status: string
  sales_channel_id: string | null
  customer_id: string | null
  region_id: string | null
  currency_code: string
  items: CartItemRow[]
}

/** An order of one of the key's sales channels (and of the customer, when one is given); 404 otherwise. */
export async function loadOrder(
  scope: MedusaContainer,
  orderId: string,
  input: { sales_channel_ids: string[]; customer_id?: string }
): Promise<OrderWithItems> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "status",
      "sales_channel_id",
      "customer_id",
      "region_id",
      "currency_code",
      ...ITEM_FIELDS,
      // An order line's quantity lives in its detail (it changes with edits).
      "items.detail.quantity",
    ],
    filters: { id: orderId },
  })
  const order = data[0] as
    | (Omit<OrderWithItems, "items"> & { items?: (CartItemRow & { detail?: { quantity: unknown } | null })[] | null })
    | undefined
  if (
    !order ||
    !order.sales_channel_id ||
    !input.sales_channel_ids.includes(order.sales_channel_id) ||
    (input.customer_id !== undefined && order.customer_id !== input.customer_id)
  ) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order ${orderId} was not found`)
  }
  return {
    ...order,
    items: (order.items ?? []).map(({ detail, ...i }) => ({
      ...i,
      unit_price: Number(i.unit_price),
      quantity: Number(detail?.quantity ?? i.quantity ?? 0),
    })),
  }
}
