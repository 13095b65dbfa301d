import { MedusaContainer } from "@medusajs/framework/types"
import { ApiKeyType, Modules, ProductStatus } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createProductsWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"
import jwt from "jsonwebtoken"

export type Tenant = { salesChannelId: string; key: string; headers: { headers: Record<string, string> } }

/** An admin user and the bearer header that authenticates it (signed like Medusa's own tokens). */
export async function adminHeaders(container: MedusaContainer) {
  const userModule = container.resolve(Modules.USER)
  const authModule = container.resolve(Modules.AUTH)
  const user = await userModule.createUsers({ email: `admin-${Date.now()}@tiered.test` })
  const identity = await authModule.createAuthIdentities({
    provider_identities: [{ provider: "emailpass", entity_id: user.email }],
    app_metadata: { user_id: user.id },
  })
  const token = jwt.sign(
    { actor_id: user.id, actor_type: "user", auth_identity_id: identity.id, app_metadata: { user_id: user.id } },
    process.env.JWT_SECRET || "supersecret",
    { expiresIn: "1d" }
  )
  return { headers: { authorization: `Bearer ${token}` } }
}

export async function createTenant(container: MedusaContainer, name: string): Promise<Tenant> {
  const { result: channels } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name }] },
  })
  const { result: keys } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: `${name} storefront`, type: ApiKeyType.PUBLISHABLE, created_by: "test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({
    input: { id: keys[0].id, add: [channels[0].id] },
  })
  return {
    salesChannelId: channels[0].id,
    key: keys[0].token,
    headers: { headers: { "x-publishable-api-key": keys[0].token } },
  }
}

export async function createRegion(container: MedusaContainer, currency = "usd") {
  const { result } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: currency.toUpperCase(), currency_code: currency, countries: [], payment_providers: ["pp_system_default"] }] },
  })
  return result[0]
}

/** A published one-variant service product with a price per currency, in the given sales channels. */
export async function createPackageProduct(
  container: MedusaContainer,
  input: {
    title: string
    prices: Record<string, number>
    salesChannelIds: string[]
    status?: ProductStatus
  }
) {
  const { result } = await createProductsWorkflow(container).run({
    input: {
      products: [
        {
          title: input.title,
          status: input.status ?? ProductStatus.PUBLISHED,
          options: [{ title: "Package", values: ["Standard"] }],
          variants: [
            {
              title: "Standard",
              options: { Package: "Standard" },
              manage_inventory: false,
              prices: Object.entries(input.prices).map(([currency_code, amount]) => ({
                currency_code,
                amount,
              })),
            },
          ],
          sales_channels: input.salesChannelIds.map((id) => ({ id })),
        },
      ],
    },
  })
  return result[0]
}

/** The error response of a request that must fail (the test fails if it succeeds). */
export async function failed(promise: Promise<unknown>): Promise<{ status: number; data: any }> {
  try {
    await promise
  } catch (e: any) {
    return e.response
  }
  throw new Error("expected the request to fail")
}

/** Today (UTC) plus `offset` days, as YYYY-MM-DD. */
export function dayFromToday(offset: number): string {
  const d = new Date()
  d.setUTCDate(d.getUTCDate() + offset)
  return d.toISOString().slice(0, 10)
}

/** Sets the clock of the app (it runs in this process) to `at`; only Date is faked, timers and ticks run as usual. */
export function setClock(at: Date | string) {
  jest.useFakeTimers({
    now: new Date(at),
    doNotFake: ["nextTick", "setImmediate", "clearImmediate", "setTimeout", "clearTimeout", "setInterval", "clearInterval", "queueMicrotask", "hrtime", "performance"],
  })
}

/** Moves the fixed clock (see setClock) forward by `ms`. */
export function travel(ms: number) {
  setClock(new Date(Date.now() + ms))
}

/** Reads until `check` holds (a subscriber on the event bus ran), for at most ten seconds; answers the last read. */
export async function eventually<T>(read: () => Promise<T>, check: (value: T) => boolean): Promise<T> {
  let value = await read()
  for (let i = 0; i < 100 && !check(value); i++) {
    await new Promise((r) => setTimeout(r, 100))
    value = await read()
  }
  return value
}

type Api = { post: (url: string, body?: unknown, config?: unknown) => Promise<{ data: any }> }

/** Pays a cart with Medusa's system provider and completes it: Medusa's standard checkout calls. */
export async function payAndComplete(api: Api, cartId: string, headers: { headers: Record<string, string> }) {
  const collection = (await api.post("/store/payment-collections", { cart_id: cartId }, headers)).data.payment_collection
  await api.post(`/store/payment-collections/${collection.id}/payment-sessions`, { provider_id: "pp_system_default" }, headers)
  return (await api.post(`/store/carts/${cartId}/complete`, {}, headers)).data
}

/** A registered customer of the tenant, and the headers that carry their session. */
export async function customerHeaders(api: Api, tenant: Tenant, email: string) {
  const password = "s3cret-pass"
  const { token: registration } = (await api.post("/auth/customer/emailpass/register", { email, password })).data
  await api.post("/store/customers", { email, first_name: "Ada" }, { headers: { ...tenant.headers.headers, authorization: `Bearer ${registration}` } })
  const { token } = (await api.post("/auth/customer/emailpass", { email, password })).data
  return { headers: { ...tenant.headers.headers, authorization: `Bearer ${token}` } }
}
