// The store API as the benchmarks call it: plain fetch with the tenant's publishable key.

/** A calendar day (YYYY-MM-DD, UTC) `days` after today. */
export function dayFromToday(days) {
  return new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)
}

export function storeClient(base, key) {
  const call = async (method, path, body) => {
    const response = await fetch(`${base}${path}`, {
      method,
      headers: { "content-type": "application/json", "x-publishable-api-key": key },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
    const json = await response.json().catch(() => ({}))
    if (!response.ok) {
      throw new Error(`${method} ${path}: ${response.status} ${json.message ?? ""}`)
    }
    return json
  }
  return {
    get: (path) => call("GET", path),
    post: (path, body) => call("POST", path, body),
    /** `count` empty carts in the key's sales channel, created 10 at a time. */
    async createCarts(count, regionId) {
      const ids = []
      for (let i = 0; i < count; i += 10) {
        const batch = await Promise.all(
          // An email of its own per cart: Medusa makes a guest customer of each.
          Array.from({ length: Math.min(10, count - i) }, (_, j) =>
            call("POST", "/store/carts", { region_id: regionId, email: `bench-${i + j}@example.com` })
          )
        )
        ids.push(...batch.map((r) => r.cart.id))
      }
      return ids
    },
    /** Dates between `from` and `to` (at most 366 days) on which the tier can be booked. */
    async openDates(tierId, from, to) {
      const { dates } = await call("GET", `/store/tiers/${tierId}/availability?from=${from}&to=${to}`)
      return dates.filter((d) => d.status === "available" || d.status === "limited").map((d) => d.date)
    },
    /** A payment session with the system provider on each cart, 10 carts at a time. */
    async startPayments(cartIds) {
      for (let i = 0; i < cartIds.length; i += 10) {
        await Promise.all(
          cartIds.slice(i, i + 10).map(async (cartId) => {
            const { payment_collection } = await call("POST", "/store/payment-collections", { cart_id: cartId })
            await call("POST", `/store/payment-collections/${payment_collection.id}/payment-sessions`, { provider_id: "pp_system_default" })
          })
        )
      }
    },
  }
}

/**
 * The demo's Signature segment (its tiers), the add-ons of its popular tier, and a plain product
 * (the shop's print: neither package nor add-on) for Medusa's own cart routes.
 */
export async function demoCatalog(store, regionId) {
  const signature = await store.get(`/store/segments/signature?region_id=${regionId}`)
  const popular = signature.tiers.find((t) => t.is_popular) ?? signature.tiers[0]
  const { addons } = await store.get(`/store/tiers/${popular.id}/addons?region_id=${regionId}`)
  const { products } = await store.get(`/store/products?handle=shop-fine-art-print&region_id=${regionId}&fields=id,*variants`)
  if (!products?.[0]?.variants?.[0]) throw new Error("the demo has no shop print to sell through Medusa's line-items")
  return { signature, addons, plainVariantId: products[0].variants[0].id }
}
