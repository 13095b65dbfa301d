import { ExecArgs, MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, ContainerRegistrationKeys, MedusaError, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  cancelOrderWorkflow,
  completeCartWorkflow,
  createApiKeysWorkflow,
  createCartWorkflow,
  createPaymentCollectionForCartWorkflow,
  createPaymentSessionsWorkflow,
  createCollectionsWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import TierProductLink from "../links/tier-product"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../modules/segments"
import { createAddonRulesWorkflow } from "../workflows/create-addon-rules"
import { createPricingRulesWorkflow } from "../workflows/create-pricing-rules"
import { createSegmentsWorkflow } from "../workflows/create-segments"
import { updateAvailabilityWorkflow } from "../workflows/update-availability"
import { setDepositPolicyWorkflow } from "../workflows/deposit-policies"
import { setPaymentCollectionDueWorkflow } from "../workflows/set-payment-collection-due"
import { DEPOSITS_MODULE, DepositsModuleService } from "../modules/deposits"
import { createExperimentWorkflow, updateExperimentWorkflow } from "../workflows/experiments"
import { createUpsellRulesWorkflow } from "../workflows/upsell-rules"
import { UPSELL_MODULE, UpsellModuleService } from "../modules/upsell"
import { BOOKING_MODULE, BookingModuleService } from "../modules/booking"
import { createTiersWorkflow } from "../workflows/create-tiers"
import { addTierToCartWorkflow } from "../workflows/add-tier-to-cart"
import { cancelOrderBookingsWorkflow } from "../workflows/cancel-order-bookings"
import { recordConversionWorkflow } from "../workflows/record-conversion"
import { sendNoticeWorkflow } from "../workflows/send-notice"
import { recordOfflinePaymentWorkflow } from "../workflows/record-offline-payment"
import { runBalanceScheduleWorkflow } from "../workflows/run-balance-schedule"
import { orderPaymentPlan } from "../queries/payment-plan"
import { featureStrings } from "../lib/comparison"
import { addDays, nextOccurrence, todayUtc } from "../lib/dates"
import { issueVisitorId } from "../lib/visitor-id"
import { visitorSecret } from "../queries/visitor"
import { seedDemoMedia } from "./demo-media"
import { TIER_ANALYTICS_MODULE, TierAnalyticsModuleService } from "../modules/tier-analytics"
import type { FunnelEvent } from "../modules/tier-analytics/models/tier-event"
import {
  DEMO_ADDONS,
  DEMO_ADMIN,
  DEMO_AVAILABILITY,
  DEMO_COLLECTIONS,
  DEMO_SHOP_PRODUCTS,
  DEMO_EXPERIMENT,
  DEMO_PRICING_RULES,
  DEMO_REGION,
  DEMO_OVERDUE_DAYS,
  DEMO_SAMPLE_ORDERS,
  DEMO_SEGMENTS,
  DEMO_VISITORS,
  DEMO_TENANTS,
  DEMO_DEPOSITS,
  DEMO_TIERS,
  DEMO_UPSELL_RULES,
  DemoTenantKey,
} from "./demo-data"

export type DemoSeedResult = {
  admin: { email: string; password: string }
  region_id: string
  tenants: { key: DemoTenantKey; sales_channel_id: string; sales_channel: string; publishable_key: string }[]
}

/**
 * Creates what is missing of the demo catalog and leaves what exists alone,
 * so it can run on every start.
 */
export async function seedDemo(container: MedusaContainer): Promise<DemoSeedResult> {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)

  await ensureAdmin(container)

  const { data: regions } = await query.graph({ entity: "region", fields: ["id"], filters: { name: DEMO_REGION.name } })
  const regionId =
    regions[0]?.id ??
    (
      await createRegionsWorkflow(container).run({
        input: { regions: [{ ...DEMO_REGION, payment_providers: ["pp_system_default"] }] },
      })
    ).result[0].id

  const tenants: DemoSeedResult["tenants"] = []
  for (const tenant of DEMO_TENANTS) {
    const { data: channels } = await query.graph({
      entity: "sales_channel",
      fields: ["id"],
      filters: { name: tenant.sales_channel },
    })
    const salesChannelId =
      channels[0]?.id ??
      (
        await createSalesChannelsWorkflow(container).run({
          input: { salesChannelsData: [{ name: tenant.sales_channel, description: tenant.description }] },
        })
      ).result[0].id

    const { data: keys } = await query.graph({
      entity: "api_key",
      fields: ["id", "token"],
      filters: { title: tenant.api_key_title, type: ApiKeyType.PUBLISHABLE, revoked_at: null },
    })
    let key = keys[0] as { id: string; token: string } | undefined
    if (!key) {
      const { result } = await createApiKeysWorkflow(container).run({
        input: { api_keys: [{ title: tenant.api_key_title, type: ApiKeyType.PUBLISHABLE, created_by: "seed-demo" }] },
      })
      key = result[0]
      await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannelId] } })
    }
    tenants.push({
      key: tenant.key,
      sales_channel_id: salesChannelId,
      sales_channel: tenant.sales_channel,
      publishable_key: key.token,
    })
  }
  const channelsFor = (keys: DemoTenantKey[]) =>
    tenants.filter((t) => keys.includes(t.key)).map((t) => ({ id: t.sales_channel_id }))

  const collections: Record<string, string> = {}
  for (const collection of Object.values(DEMO_COLLECTIONS)) {
    const { data } = await query.graph({
      entity: "product_collection",
      fields: ["id"],
      filters: { handle: collection.handle },
    })
    collections[collection.handle] =
      data[0]?.id ??
      (await createCollectionsWorkflow(container).run({ input: { collections: [collection] } })).result[0].id
  }

  const products = [
    ...DEMO_TIERS.map((t) => ({
      title: `${DEMO_SEGMENTS.find((s) => s.handle === t.segment)!.name} ${t.name}`,
      handle: t.handle,
      price: t.price,
      tenants: t.tenants,
      collection: DEMO_COLLECTIONS.packages.handle,
      description: `${t.name} package: up to ${t.max_guests} guests. ${featureStrings(t.features).join(", ")}.`,
    })),
    ...DEMO_ADDONS.map((a) => ({
      ...a,
      collection: DEMO_COLLECTIONS.addons.handle,
      description: `${a.title}, to add to any package.`,
    })),
    ...DEMO_SHOP_PRODUCTS.map((p) => ({ ...p, collection: DEMO_COLLECTIONS.shop.handle, description: `${p.title}.` })),
  ]
  const { data: existing } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: products.map((p) => p.handle) },
  })
  const missing = products.filter((p) => !existing.some((e) => e.handle === p.handle))
  if (missing.length) {
    await createProductsWorkflow(container).run({
      input: {
        products: missing.map((p) => ({
          title: p.title,
          handle: p.handle,
          description: p.description,
          status: ProductStatus.PUBLISHED,
          collection_id: collections[p.collection],
          options: [{ title: "Option", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              options: { Option: "Standard" },
              manage_inventory: false,
              prices: [{ currency_code: DEMO_REGION.currency_code, amount: p.price }],
            },
          ],
          sales_channels: channelsFor(p.tenants),
        })),
      },
    })
  }
  const { data: allProducts } = await query.graph({
    entity: "product",
    fields: ["id", "handle"],
    filters: { handle: products.map((p) => p.handle) },
  })
  const productId = (handle: string) => allProducts.find((p) => p.handle === handle)!.id as string

  const segmentsService: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
  const existingSegments = await segmentsService.listSegments({ handle: DEMO_SEGMENTS.map((s) => s.handle) })
  const newSegments = DEMO_SEGMENTS.filter((s) => !existingSegments.some((e) => e.handle === s.handle))
  if (newSegments.length) {
    await createSegmentsWorkflow(container).run({ input: { segments: newSegments.map((s) => ({ ...s })) } })
  }
  const segments = await segmentsService.listSegments({ handle: DEMO_SEGMENTS.map((s) => s.handle) })

  const { data: links } = await query.graph({
    entity: TierProductLink.entryPoint,
    fields: ["product_id"],
    filters: { product_id: DEMO_TIERS.map((t) => productId(t.handle)) },
  })
  const linked = new Set(links.map((l) => l.product_id as string))
  const liveTiers = await segmentsService.listTiers(
    { segment_id: segments.map((s) => s.id), archived_at: null },
    { select: ["segment_id", "level"] }
  )
  const tiersToCreate = DEMO_TIERS.filter((t) => !linked.has(productId(t.handle))).flatMap((t) => {
    const segment = segments.find((s) => s.handle === t.segment)!
    if (liveTiers.some((l) => l.segment_id === segment.id && l.level === t.level)) {
      logger.warn(`Demo tier ${t.segment}/${t.level} not created: that level is already taken`)
      return []
    }
    return [
      {
        segment_id: segment.id,
        level: t.level,
        name: t.name,
        max_guests: t.max_guests,
        features: t.features,
        is_popular: t.is_popular ?? false,
        rank: t.level,
        product_id: productId(t.handle),
      },
    ]
  })
  if (tiersToCreate.length) {
    await createTiersWorkflow(container).run({ input: { tiers: tiersToCreate } })
  }

  const existingRules = await segmentsService.listPricingRules({ label: DEMO_PRICING_RULES.map((r) => r.label) })
  const newRules = DEMO_PRICING_RULES.filter((r) => !existingRules.some((e) => e.label === r.label))
  if (newRules.length) {
    await createPricingRulesWorkflow(container).run({ input: { rules: newRules } })
  }

  const addonProductIds = DEMO_ADDONS.map((a) => productId(a.handle))
  const existingAddonRules = await segmentsService.listAddonRules(
    { product_id: addonProductIds },
    { select: ["product_id", "segment_id"] }
  )
  const addonRules = DEMO_ADDONS.flatMap((addon) =>
    (addon.segments ?? DEMO_SEGMENTS.map((s) => s.handle)).map((handle) => ({
      product_id: productId(addon.handle),
      segment_id: segments.find((s) => s.handle === handle)!.id,
      max_quantity: addon.max_quantity ?? 1,
    }))
  ).filter((r) => !existingAddonRules.some((e) => e.product_id === r.product_id && e.segment_id === r.segment_id))
  if (addonRules.length) {
    await createAddonRulesWorkflow(container).run({ input: { rules: addonRules } })
  }

  await seedDemoMedia(container)
  await seedAvailability(container, tenants.map((t) => t.sales_channel_id))
  await seedUpsell(container)
  await seedDeposits(container, tenants)
  const photography = tenants.find((t) => t.key === "photography")!
  await seedSamples(container, regionId, photography.sales_channel_id)

  logger.info(
    `Demo catalog ready: ${segments.length} segments, ${DEMO_TIERS.length} tiers, ${DEMO_ADDONS.length} add-ons, ${tenants.length} tenants`
  )
  return { admin: DEMO_ADMIN, region_id: regionId, tenants }
}

async function seedAvailability(container: MedusaContainer, salesChannelIds: string[]) {
  const booking: BookingModuleService = container.resolve(BOOKING_MODULE)
  for (const salesChannelId of salesChannelIds) {
    const [settings] = await booking.listAvailabilitySettings({ sales_channel_id: salesChannelId })
    if (settings) {
      continue
    }
    await updateAvailabilityWorkflow(container).run({
      input: {
        sales_channel_id: salesChannelId,
        settings: DEMO_AVAILABILITY.settings,
        add_blackouts: DEMO_AVAILABILITY.blackouts.map((b) => {
          const start = nextOccurrence(b.month_day, todayUtc())
          return { start_date: start, end_date: addDays(start, b.days - 1), reason: b.reason }
        }),
        add_high_demand_dates: DEMO_AVAILABILITY.high_demand_month_days.map((d) => ({ date: nextOccurrence(d, todayUtc()) })),
      },
    })
  }
}

async function seedDeposits(container: MedusaContainer, tenants: DemoSeedResult["tenants"]) {
  const deposits: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
  for (const tenant of tenants) {
    const policy = DEMO_DEPOSITS[tenant.key]
    const [existing] = await deposits.listDepositPolicies({ sales_channel_id: tenant.sales_channel_id, segment_id: null })
    if (!policy || existing) {
      continue
    }
    await setDepositPolicyWorkflow(container).run({
      input: { sales_channel_id: tenant.sales_channel_id, segment_id: null, currency_code: null, deposit_refundable: false, balance_refundable_days: 30, instalments: 1, ...policy },
    })
  }
}

async function seedUpsell(container: MedusaContainer) {
  const upsell: UpsellModuleService = container.resolve(UPSELL_MODULE)
  const existing = await upsell.listUpsellRules({ name: DEMO_UPSELL_RULES.map((r) => r.name) }, { select: ["name"] })
  const missing = DEMO_UPSELL_RULES.filter((r) => !existing.some((e) => e.name === r.name))
  if (missing.length) {
    await createUpsellRulesWorkflow(container).run({ input: { rules: missing } })
  }
  const [experiment] = await upsell.listExperiments({ key: DEMO_EXPERIMENT.key }, { select: ["id"] })
  if (!experiment) {
    const { result } = await createExperimentWorkflow(container).run({ input: { experiment: DEMO_EXPERIMENT } })
    await updateExperimentWorkflow(container).run({
      input: { experiment: { id: result[0].id, status: "running", started_at: new Date() } },
    })
  }
}

/**
 * Sample orders and funnel events of one storefront, placed through the same
 * workflows a storefront's requests run, once (skipped when the storefront has
 * orders). Conversions are recorded here too: a script has no subscribers, and
 * recording is exactly-once either way.
 */
async function seedSamples(container: MedusaContainer, regionId: string, salesChannelId: string) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data: orders } = await query.graph({ entity: "order", fields: ["id"], filters: { sales_channel_id: salesChannelId } })
  if (orders.length) {
    return
  }
  const { data: tiers } = await query.graph({ entity: "tier", fields: ["id", "segment_id", "product.handle"], filters: { archived_at: null } })
  const tierOf = (handle: string) => (tiers as { id: string; segment_id: string; product?: { handle: string } | null }[]).find((t) => t.product?.handle === handle)!
  const { data: variants } = await query.graph({ entity: "variant", fields: ["id", "product.handle"] })
  const variantOf = (handle: string) => (variants as { id: string; product?: { handle: string } | null }[]).find((v) => v.product?.handle === handle)!.id
  const today = todayUtc()
  // The demo's visitors get ids the server signed, as a storefront's do, so their orders join their funnel.
  const secret = await visitorSecret(container)
  const signed = new Map<string, string>()
  const visitorId = (name: string) => signed.get(name) ?? signed.set(name, issueVisitorId(secret)).get(name)!

  for (const sample of DEMO_SAMPLE_ORDERS) {
    const { result: cart } = await createCartWorkflow(container).run({
      input: { region_id: regionId, sales_channel_id: salesChannelId, email: `${sample.visitor}@example.com`, metadata: { visitor_id: visitorId(sample.visitor) } },
    })
    // The demo's blackouts and booked dates move a sample on to the next bookable day.
    let added = false
    for (let shift = 0; shift < 30 && !added; shift++) {
      try {
        await addTierToCartWorkflow(container).run({
          input: {
            cart_id: cart.id,
            tier_id: tierOf(sample.tier).id,
            event_date: addDays(today, sample.days_ahead + shift),
            addon_variant_ids: sample.addons.map(variantOf),
            sales_channel_ids: [salesChannelId],
          },
        })
        added = true
      } catch {
        // not bookable that day: try the next one
      }
    }
    if (!added) {
      continue
    }
    const { result: collection } = await createPaymentCollectionForCartWorkflow(container).run({ input: { cart_id: cart.id } })
    // As the store route does: the session is for what is due now (the deposit).
    await setPaymentCollectionDueWorkflow(container).run({
      input: { cart_id: cart.id, payment_collection_id: collection.id, sales_channel_ids: [salesChannelId] },
    })
    await createPaymentSessionsWorkflow(container).run({
      input: { payment_collection_id: collection.id, provider_id: "pp_system_default" },
    })
    const { result: order } = await completeCartWorkflow(container).run({ input: { id: cart.id } })
    await recordConversionWorkflow(container).run({ input: { order_id: order.id, change: { kind: "placed" } } })
    // Subscribers do not run under `medusa exec`: the demo's notifications are sent here (once, as the subscriber would).
    await sendNoticeWorkflow(container).run({ input: { template: "booking-confirmation", order_id: order.id } })
    if (sample.balance) {
      await settleSampleBalance(container, order.id, salesChannelId, sample.balance, today)
    }
    if (sample.canceled) {
      await cancelOrderWorkflow(container).run({ input: { order_id: order.id } })
      await cancelOrderBookingsWorkflow(container).run({ input: { order_id: order.id } })
      await recordConversionWorkflow(container).run({ input: { order_id: order.id, change: { kind: "canceled" } } })
      await sendNoticeWorkflow(container).run({ input: { template: "booking-canceled", order_id: order.id } })
    }
  }

  const segments = [...new Set((tiers as { segment_id: string }[]).map((t) => t.segment_id))]
  const events: { name: FunnelEvent; visitor_id: string; sales_channel_id: string; segment_id: string; tier_id: string | null; created_at: Date }[] = []
  for (let i = 0; i < DEMO_VISITORS; i++) {
    const segment_id = segments[i % segments.length]
    const tier = (tiers as { id: string; segment_id: string }[]).find((t) => t.segment_id === segment_id)!
    const at = new Date(Date.now() - (i % 28) * 86_400_000)
    const visitor_id = visitorId(`demo-visitor-${String(i + 1).padStart(2, "0")}`)
    const reached: FunnelEvent[] = ["segment_selected"]
    if (i % 10 < 7) reached.push("tier_viewed")
    if (i % 10 < 4) reached.push("tier_compared")
    if (i % 10 < 2) reached.push("checkout_started")
    for (const name of reached) {
      events.push({ name, visitor_id, sales_channel_id: salesChannelId, segment_id, tier_id: name === "tier_viewed" ? tier.id : null, created_at: at })
    }
  }
  const analytics: TierAnalyticsModuleService = container.resolve(TIER_ANALYTICS_MODULE)
  await analytics.createTierEvents(events)
}

/**
 * A sample order's balance, through the balance workflows: paid by a bank transfer the merchant
 * records, or overdue. An event inside the 30-day window pays in full at checkout, so the overdue
 * sample's plan gets a due date in the past through the deposits module (as a merchant's early
 * due date would), and the balance schedule's own run marks it overdue.
 */
async function settleSampleBalance(container: MedusaContainer, orderId: string, salesChannelId: string, balance: "paid" | "overdue", today: string) {
  if (balance === "paid") {
    const plan = await orderPaymentPlan(container, orderId, [salesChannelId])
    const { result: payment } = await recordOfflinePaymentWorkflow(container).run({
      input: { order_id: orderId, amount: plan.balance, method: "bank_transfer", reference: "Demo transfer" },
    })
    await sendNoticeWorkflow(container).run({ input: { template: "payment-received", payment: { ...payment, method: "offline" } } })
    return
  }
  const deposits: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
  const [plan] = await deposits.listPaymentPlans({ order_id: orderId })
  const balance_due_date = addDays(today, -DEMO_OVERDUE_DAYS)
  await deposits.updatePaymentPlans({ id: plan.id, balance_due_date })
  const { result } = await runBalanceScheduleWorkflow(container).run({ input: { now: new Date().toISOString() } })
  for (const overdue of result.overdue) {
    await sendNoticeWorkflow(container).run({ input: { template: "balance-overdue", due: { order_id: overdue, balance_due_date } } })
  }
}

async function ensureAdmin(container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const [user] = await userModule.listUsers({ email: DEMO_ADMIN.email })
  if (user) {
    return
  }
  const { result } = await createUsersWorkflow(container).run({
    input: { users: [{ email: DEMO_ADMIN.email, first_name: "Demo", last_name: "Admin" }] },
  })
  const { authIdentity, error } = await authModule.register("emailpass", {
    body: { email: DEMO_ADMIN.email, password: DEMO_ADMIN.password },
  })
  if (error || !authIdentity) {
    throw new MedusaError(MedusaError.Types.UNEXPECTED_STATE, `Could not create the demo admin login: ${error}`)
  }
  await authModule.updateAuthIdentities({
    id: authIdentity.id,
    app_metadata: { user_id: result[0].id },
  })
}

export default async function seedDemoScript({ container }: ExecArgs) {
  const result = await seedDemo(container)
  // One machine-readable line for scripts, then a readable summary.
  console.log(`TIERED_DEMO ${JSON.stringify(result)}`)
  console.log(`Admin login: ${result.admin.email} / ${result.admin.password}`)
  for (const tenant of result.tenants) {
    console.log(`Publishable key (${tenant.sales_channel}): ${tenant.publishable_key}`)
  }
}
