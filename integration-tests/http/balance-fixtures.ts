import { MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { createRegionsWorkflow } from "@medusajs/medusa/core-flows"
import { adminHeaders, createPackageProduct, createTenant, customerHeaders, dayFromToday, Tenant } from "./fixtures"

type Api = { post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }> }

export type DepositStudio = {
  admin: { headers: Record<string, string> }
  studio: Tenant
  rival: Tenant
  region: { id: string }
  tier: { id: string }
  /** The couple's account (couple@example.com), signed in on the studio's store: the headers of its requests. */
  couple: { headers: Record<string, string> }
}

/**
 * A studio that takes a deposit and a rival tenant: a region with `providers`, a package of
 * `price` in a segment earning `commission_percent`, the studio's policy (30%, the balance due 30
 * days before the event, and `policy`'s fields), five bookings a date.
 */
export async function depositStudio(
  api: Api,
  container: MedusaContainer,
  options: { price?: number; commission_percent?: number; providers?: string[]; policy?: Record<string, unknown> | null } = {}
): Promise<DepositStudio> {
  const admin = await adminHeaders(container)
  const studio = await createTenant(container, "Studio")
  const rival = await createTenant(container, "Rival")
  const { result } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "USD", currency_code: "usd", countries: [], payment_providers: options.providers ?? ["pp_system_default"] }] },
  })
  const product = (await createPackageProduct(container, { title: "Signature Complete", prices: { usd: options.price ?? 10000 }, salesChannelIds: [studio.salesChannelId] })) as any
  const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature", commission_percent: options.commission_percent ?? 10 }, admin)).data.segment
  const tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Complete", product_id: product.id }, admin)).data.tier
  await api.post(`/admin/availability/${studio.salesChannelId}`, { settings: { capacity_per_date: 5 } }, admin)
  if (options.policy !== null) {
    await api.post(`/admin/deposit-policies/${studio.salesChannelId}`, { kind: "percent", value: 30, balance_due_days: 30, ...(options.policy ?? {}) }, admin)
  }
  const couple = await customerHeaders(api, studio, "couple@example.com")
  return { admin, studio, rival, region: result[0], tier, couple }
}

/**
 * A real checkout of the studio's package for `date` (420 days out by default) through `provider`,
 * paying what is due now, as a guest (`email`) or (`signedIn`) as the couple's account, with the session's
 * `data` (Stripe's `setup_future_usage` to save the card); `beforeComplete` is what the customer
 * does at the provider (Stripe.js confirming). Answers the order's id.
 */
export async function depositOrder(
  api: Api,
  s: DepositStudio,
  options: { date?: string; provider?: string; signedIn?: boolean; email?: string; data?: Record<string, unknown>; beforeComplete?: () => void } = {}
): Promise<string> {
  const headers = options.signedIn ? s.couple : s.studio.headers
  const cart = (await api.post("/store/carts", { region_id: s.region.id, email: options.email ?? "couple@example.com" }, headers)).data.cart
  await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: s.tier.id, event_date: options.date ?? dayFromToday(420) }, headers)
  const collection = (await api.post("/store/payment-collections", { cart_id: cart.id }, headers)).data.payment_collection
  const session = { provider_id: options.provider ?? "pp_system_default", ...(options.data ? { data: options.data } : {}) }
  await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, session, headers)
  options.beforeComplete?.()
  const { data } = await api.post(`/store/carts/${cart.id}/complete`, {}, headers)
  if (data.type !== "order") {
    throw new Error(`checkout failed: ${JSON.stringify(data.error ?? data)}`)
  }
  return data.order.id as string
}

/** The balance events the schedule emits, recorded as they come (clear `events` before each test). */
export const BALANCE_SCHEDULE_EVENTS = ["tiered.balance.reminder_due", "tiered.balance.charge_failed", "tiered.balance.overdue", "tiered.balance.paid"]

/** Subscribes to `names` on the event bus and pushes each event into `events`. */
export function recordEvents(container: MedusaContainer, events: { name: string; data: any }[], names = BALANCE_SCHEDULE_EVENTS): void {
  const eventBus = container.resolve(Modules.EVENT_BUS)
  for (const name of names) {
    eventBus.subscribe(name, async (event: any) => {
      events.push({ name, data: event.data })
    })
  }
}
