import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
// eslint-disable-next-line @medusajs/import-from-framework-not-internal -- the Stripe provider's own amount conversion, as the provider uses it
import { getSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"
import { orderRevenue, RevenueLine } from "../lib/commission"
import { feeShare } from "../lib/deposits"
import { ConflictError } from "../lib/errors"
import { STRIPE_CONNECT_MODULE, StripeConnectModuleService } from "../modules/stripe-connect"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../modules/tier-analytics"
import type { ConnectPaymentData } from "../providers/stripe-connect/connect-data"
import { loadCartTierLines } from "./cart"
import { commissionPercentOf } from "./commission"

/** The tenant's connected account when it can take charges; a clear 400 otherwise. */
export async function chargeableAccount(scope: MedusaContainer, salesChannelId: string) {
  const service: StripeConnectModuleService = scope.resolve(STRIPE_CONNECT_MODULE)
  const [account] = await service.listConnectedAccounts({ sales_channel_id: salesChannelId })
  if (!account) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This store has no connected Stripe account, so it cannot take Stripe Connect payments; pay with another provider"
    )
  }
  if (!account.charges_enabled) {
    throw new MedusaError(
      MedusaError.Types.NOT_ALLOWED,
      "This store's Stripe account cannot take charges yet (onboarding is not finished), so it cannot take Stripe Connect payments"
    )
  }
  return account
}

/**
 * Destination and platform fee of a cart's payment, from the server's own
 * records: the cart's tenant's connected account, and the commission of its
 * tier and add-on lines (PRODUCT's rule, the tenant's rates), in proportion when the payment
 * is a deposit. An order's own collection (its balance) takes `connectOrderPaymentData`.
 */
export async function connectPaymentData(
  scope: MedusaContainer,
  paymentCollectionId: string,
  salesChannelIds: string[]
): Promise<ConnectPaymentData> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "payment_collection",
    fields: ["id", "amount", "currency_code", "cart.id", "order.id", "order.sales_channel_id"],
    filters: { id: paymentCollectionId },
  })
  const collection = data[0] as
    | { id: string; amount: unknown; currency_code: string; cart?: { id: string } | null; order?: { id: string; sales_channel_id: string | null } | null }
    | undefined
  const order = collection?.order
  if (!collection?.cart && order?.sales_channel_id && salesChannelIds.includes(order.sales_channel_id)) {
    // An order's own collection (its balance): the commission's share of this payment.
    return connectOrderPaymentData(scope, order.id, Number(collection!.amount))
  }
  if (!collection?.cart) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Payment collection ${paymentCollectionId} was not found`)
  }
  const [cart, { data: totals }] = await Promise.all([
    loadCartTierLines(scope, collection.cart.id, salesChannelIds),
    query.graph({ entity: "cart", fields: ["id", "total"], filters: { id: collection.cart.id } }),
  ])
  const account = await chargeableAccount(scope, cart.sales_channel_id)
  // The fee is the commission of the lines the plugin's records describe, never of their metadata.
  const lines: RevenueLine[] = cart.records.map((r) => {
    const item = cart.items.find((i) => i.id === r.cart_line_item_id)!
    return { kind: r.kind, tier_line_key: r.line_key, tier_id: r.tier_id, segment_id: r.segment_id, total: item.unit_price * item.quantity }
  })
  const { commission } = orderRevenue(lines, await commissionPercentOf(scope, cart.sales_channel_id), cart.currency_code)
  const amount = Number(collection.amount)
  // A deposit carries the commission's share of it; the balance's payment will carry the rest.
  const fee = feeShare(commission, amount, Number((totals[0] as { total: unknown }).total), cart.currency_code)
  return {
    destination: account.stripe_account_id,
    application_fee_amount: getSmallestUnit(fee, cart.currency_code),
    amount,
    currency_code: cart.currency_code,
  }
}

/**
 * Destination and platform fee of a payment on a placed order (its balance): the order's tenant's
 * connected account, and the commission's share of this payment (the order's recorded commission
 * x amount / the order's total), so a deposit and its balance carry the commission once between them.
 */
export async function connectOrderPaymentData(scope: MedusaContainer, orderId: string, amount: number): Promise<ConnectPaymentData> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "order", fields: ["id", "sales_channel_id", "currency_code", "total"], filters: { id: orderId } })
  const order = data[0] as { id: string; sales_channel_id: string | null; currency_code: string; total: unknown } | undefined
  if (!order?.sales_channel_id) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${orderId} was not found`)
  }
  const account = await chargeableAccount(scope, order.sales_channel_id)
  const analytics: TierAnalyticsModuleService = scope.resolve(TIER_ANALYTICS_MODULE)
  const [recorded] = await analytics.listConversions({ order_id: order.id }, { select: ["id"], take: 1 })
  if (!recorded) {
    // The order's commission is recorded just after it is placed: never a payment without its fee.
    throw new ConflictError(`The commission of order ${order.id} is not recorded yet, so its fee cannot be named; try again in a moment`)
  }
  const { commission } = await analytics.recordedTotals(order.id)
  const fee = feeShare(commission, amount, Number(order.total), order.currency_code)
  return {
    destination: account.stripe_account_id,
    application_fee_amount: getSmallestUnit(fee, order.currency_code),
    amount,
    currency_code: order.currency_code,
  }
}
