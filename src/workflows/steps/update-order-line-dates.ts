import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { graphRows } from "../../queries/rows"

export type UpdateOrderLineDatesInput = { order_id: string; line_item_ids: string[]; event_date: string }

type Metadata = Record<string, unknown> | null
type Before = { lines: { id: string; metadata: Metadata }[]; details: { id: string; metadata: Metadata }[] }

const withDate = (metadata: Metadata, eventDate: string) => ({ ...metadata, event_date: eventDate })

/**
 * Moves the display copy of the event date in order lines' metadata: the line's, and the order
 * item's (Medusa answers an order's lines with the latter when it has one). Undone by restoring both.
 */
export const updateOrderLineDatesStep = createStep(
  "update-order-line-dates",
  async (input: UpdateOrderLineDatesInput, { container }) => {
    const orders = container.resolve(Modules.ORDER)
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const wanted = new Set(input.line_item_ids)
    const [lines, { data }] = await Promise.all([
      orders.listOrderLineItems({ id: input.line_item_ids }, { select: ["id", "metadata"] }),
      query.graph({ entity: "order", fields: ["items.id", "items.detail.id", "items.detail.metadata"], filters: { id: input.order_id } }),
    ])
    const [order] = graphRows<{ items?: { id: string; detail?: { id: string; metadata: Metadata } | null }[] | null }>(data)
    const before: Before = {
      lines: lines.map((l) => ({ id: l.id, metadata: (l.metadata ?? null) as Metadata })),
      details: (order?.items ?? [])
        .filter((i) => wanted.has(i.id) && i.detail?.metadata)
        .map((i) => ({ id: i.detail!.id, metadata: i.detail!.metadata })),
    }
    await restore(container, {
      lines: before.lines.map((l) => ({ id: l.id, metadata: withDate(l.metadata, input.event_date) })),
      details: before.details.map((d) => ({ id: d.id, metadata: withDate(d.metadata, input.event_date) })),
    })
    return new StepResponse(undefined, before)
  },
  async (before, { container }) => {
    if (before) {
      await restore(container, before)
    }
  }
)

async function restore(container: MedusaContainer, to: Before) {
  const orders = container.resolve(Modules.ORDER)
  if (to.lines.length) {
    await orders.updateOrderLineItems(to.lines.map((l) => ({ selector: { id: l.id }, data: { metadata: l.metadata ?? {} } })))
  }
  if (to.details.length) {
    await orders.updateOrderItem(to.details.map((d) => ({ selector: { id: d.id }, data: { metadata: d.metadata ?? {} } })))
  }
}
