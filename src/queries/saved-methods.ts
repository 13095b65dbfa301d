import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError, Modules } from "@medusajs/framework/utils"
import type { SavedPaymentMethod, StoreBalanceMethodsResponse } from "../contract/store"
import { BALANCES_MODULE, BalancesModuleService } from "../modules/balances"
import { OrderBalance, orderBalance, regionProviders } from "./balances"

/** Medusa's system provider: a manual payment that takes no money and needs no saved method. */
export const SYSTEM_PROVIDER = "pp_system_default"

export type AccountHolder = { id: string; provider_id: string; external_id: string; data: Record<string, unknown> | null }

/** The customer's account holders (Medusa's link from customer to payment), by provider. */
export async function customerAccountHolders(scope: MedusaContainer, customerId: string): Promise<Map<string, AccountHolder>> {
  const query = scope.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({
    entity: "customer",
    fields: ["id", "account_holders.id", "account_holders.provider_id", "account_holders.external_id", "account_holders.data"],
    filters: { id: customerId },
  })
  const holders = ((data[0] as { account_holders?: (AccountHolder | null)[] | null } | undefined)?.account_holders ?? []).filter(
    (h): h is AccountHolder => !!h
  )
  return new Map(holders.map((h) => [h.provider_id, h]))
}

type ProviderMethod = { id: string; data?: Record<string, unknown> | null }

/** What a storefront may show of a saved method: its kind and a card's brand, last four digits and expiry, nothing more. */
export function describeMethod(providerId: string, method: ProviderMethod): SavedPaymentMethod {
  const data = method.data ?? {}
  const card = data.card as { brand?: unknown; last4?: unknown; exp_month?: unknown; exp_year?: unknown } | undefined
  return {
    id: method.id,
    provider_id: providerId,
    type: typeof data.type === "string" ? data.type : null,
    card: card
      ? { brand: String(card.brand ?? ""), last4: String(card.last4 ?? ""), exp_month: Number(card.exp_month) || null, exp_year: Number(card.exp_year) || null }
      : null,
  }
}

/**
 * The methods the customer saved with each of `providers` (through Medusa's account holders and
 * the payment module's `listPaymentMethods`, i.e. asked of the provider now, never read from the
 * storefront). A provider the customer holds no account with lists none.
 */
export async function customerSavedMethods(scope: MedusaContainer, customerId: string, providers: string[]): Promise<SavedPaymentMethod[]> {
  const holders = await customerAccountHolders(scope, customerId)
  const payment = scope.resolve(Modules.PAYMENT)
  const lists = await Promise.all(
    providers.map(async (provider_id) => {
      const account_holder = holders.get(provider_id)
      if (!account_holder) {
        return []
      }
      const methods = await payment.listPaymentMethods({ provider_id, context: { account_holder } } as Parameters<typeof payment.listPaymentMethods>[0])
      return methods.map((m) => describeMethod(provider_id, m))
    })
  )
  return lists.flat()
}

/** The order's balance state when `customerId` is its customer; another's order, or a guest's, is 404 as if absent. */
export function ownOrder(state: OrderBalance, customerId: string): OrderBalance {
  if (!state.customer_id || state.customer_id !== customerId) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Order with id: ${state.order_id} was not found`)
  }
  return state
}

/** What the due-date run will charge on the customer's order, and the methods they saved with the order's region's providers. */
export async function orderBalanceMethods(
  scope: MedusaContainer,
  orderId: string,
  input: { sales_channel_ids: string[]; customer_id: string }
): Promise<StoreBalanceMethodsResponse> {
  const state = ownOrder(await orderBalance(scope, orderId, input.sales_channel_ids), input.customer_id)
  const providers = (await regionProviders(scope, state.region_id)).filter((p) => p !== SYSTEM_PROVIDER)
  const payment_methods = await customerSavedMethods(scope, input.customer_id, providers)
  const balances: BalancesModuleService = scope.resolve(BALANCES_MODULE)
  const [schedule] = await balances.listBalanceSchedules({ order_id: state.order_id })
  return {
    saved_method: schedule
      ? {
          provider_id: schedule.provider_id,
          payment_method_id: schedule.payment_method_id,
          method: payment_methods.find((m) => m.id === schedule.payment_method_id && m.provider_id === schedule.provider_id) ?? null,
          attempts: schedule.attempts,
          flagged: !!schedule.flagged_at,
        }
      : null,
    payment_methods,
  }
}
