import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { asOrderRevenue, orderRevenue, OrderRevenue, RevenueLine, revenueDelta, reversal } from "../../lib/commission"
import { roundToMinor } from "../../lib/money"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../../modules/tier-analytics"
import type { ConversionInput } from "../../modules/tier-analytics/service"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import { commissionPercentOf } from "../../queries/commission"
import { orderTierLineRecords } from "../../queries/tier-lines"
import { visitorSecret } from "../../queries/visitor"
import { verifiedVisitorId } from "../../lib/visitor-id"

export type ConversionChange =
  | { kind: "placed" }
  | { kind: "canceled" }
  | { kind: "refund"; refund_id: string; amount: number }
  | { kind: "upgrade"; reference: string }

export type BuildConversionInput = { order_id: string; change: ConversionChange }

type OrderRow = {
  id: string
  sales_channel_id: string | null
  currency_code: string
  created_at: Date
  metadata: Record<string, unknown> | null
  cart?: { id: string; metadata: Record<string, unknown> | null } | null
  items?: {
    id: string
    unit_price: unknown
    total?: unknown
    detail?: { quantity: unknown } | null
  }[]
}


/**
 * What an order change means in money: the whole order when placed, the
 * difference an upgrade made, or the reversal of a cancellation or a refund
 * (of what was recorded so far). Null when there is nothing to record (an
 * order without tier lines, or no change). Reads only.
 */
export const buildConversionStep = createStep("build-conversion", async (input: BuildConversionInput, { container }) => {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "order",
    fields: [
      "id",
      "sales_channel_id",
      "currency_code",
      "created_at",
      "metadata",
      "cart.id",
      "cart.metadata",
      "items.id",
      "items.unit_price",
      "items.total",
      "items.detail.quantity",
    ],
    filters: { id: input.order_id },
  })
  const order = data[0] as OrderRow | undefined
  if (!order?.sales_channel_id) {
    return new StepResponse(null)
  }
  const currency = order.currency_code
  const analytics: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
  const [recorded, totals] = await Promise.all([analytics.recordedLines(order.id), analytics.recordedTotals(order.id)])

  // What each line is comes from the plugin's records, never from the line's metadata.
  const records = await orderTierLineRecords(container, order.id)
  const byLine = new Map(records.filter((r) => r.order_line_item_id).map((r) => [r.order_line_item_id!, r]))
  const current = () =>
    (order.items ?? []).flatMap((i): RevenueLine[] => {
      const record = byLine.get(i.id)
      if (!record) {
        return []
      }
      const quantity = Number(i.detail?.quantity ?? 0)
      const total = i.total === undefined || i.total === null ? Number(i.unit_price) * quantity : Number(i.total)
      return [
        {
          kind: record.kind,
          tier_line_key: record.line_key,
          tier_id: record.tier_id,
          segment_id: record.segment_id,
          total: quantity > 0 ? total : 0,
        },
      ]
    })

  let money: OrderRevenue
  let kind: ConversionInput["kind"]
  let reference: string
  switch (input.change.kind) {
    case "placed": {
      const lines = current()
      if (!lines.length) {
        return new StepResponse(null)
      }
      money = orderRevenue(lines, await commissionPercentOf(container, order.sales_channel_id), currency)
      kind = "order"
      reference = "placed"
      break
    }
    case "upgrade": {
      const now = orderRevenue(current(), await commissionPercentOf(container, order.sales_channel_id), currency)
      const delta = revenueDelta(now.lines, recorded, currency)
      // The order's commission stays rounded once over its lines: the change is the new total minus the recorded one.
      money = { ...delta, commission: roundToMinor(now.commission - totals.commission, currency) }
      kind = "upgrade"
      reference = input.change.reference
      break
    }
    case "canceled":
    case "refund": {
      const net = asOrderRevenue(recorded, currency, totals)
      // Nothing left to reverse: never recorded, or canceled and refunded already.
      if (net.revenue + net.addon_revenue <= 0) {
        return new StepResponse(null)
      }
      money = reversal(net, input.change.kind === "canceled" ? "all" : input.change.amount, currency)
      kind = "reversal"
      reference = input.change.kind === "canceled" ? "canceled" : input.change.refund_id
      break
    }
  }
  if (!money.lines.length) {
    return new StepResponse(null)
  }

  // Attribution, on the order itself only: the offer an upgraded line used, else one accepted for the cart.
  const attribution: Partial<ConversionInput> = {}
  if (kind === "order") {
    const upsell: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const offerIds = records.map((r) => r.upsell_offer_id).filter((id): id is string => typeof id === "string")
    const [offer] = offerIds.length
      ? await upsell.listUpsellOffers({ id: offerIds })
      : order.cart
        ? await upsell.listUpsellOffers({ cart_id: order.cart.id, status: "accepted" }, { order: { decided_at: "DESC" }, take: 1 })
        : []
    // The storefront writes the cart's visitor id: only one the server signed joins the funnel and experiment.
    const secret = await visitorSecret(container)
    const visitor =
      verifiedVisitorId(order.cart?.metadata?.visitor_id, secret) ?? verifiedVisitorId(order.metadata?.visitor_id, secret) ?? offer?.visitor_id
    const [exposure] = visitor
      ? await upsell.listExperimentExposures({ visitor_id: visitor, sales_channel_id: order.sales_channel_id }, { order: { created_at: "ASC" }, take: 1 })
      : []
    Object.assign(attribution, {
      upsell_offer_id: offer?.id ?? null,
      upsell_rule_id: offer?.rule_id ?? null,
      visitor_id: visitor ?? null,
      experiment_id: exposure?.experiment_id ?? null,
      experiment_key: exposure?.experiment_key ?? null,
      experiment_variant: exposure?.variant ?? null,
    })
  }

  const conversion: ConversionInput = {
    order_id: order.id,
    kind,
    reference,
    sales_channel_id: order.sales_channel_id,
    currency_code: currency,
    revenue: money.revenue,
    addon_revenue: money.addon_revenue,
    commission: money.commission,
    occurred_at: kind === "order" ? new Date(order.created_at) : new Date(),
    lines: money.lines,
    ...attribution,
  }
  return new StepResponse(conversion)
})
