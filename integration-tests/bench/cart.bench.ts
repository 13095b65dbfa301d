/**
 * Prints median and p95 times of adding a tier (with three add-ons) to a cart
 * and completing such a cart, next to Medusa's own add-to-cart and completion
 * of a cart with one plain line, measured in the same run on the same app.
 * Figures only: nothing here asserts a time. Run: npm run bench:cart
 */
import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { adminHeaders, createPackageProduct, createRegion, createTenant } from "../http/fixtures"

jest.setTimeout(30 * 60 * 1000)

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 30)
const nextYear = new Date().getUTCFullYear() + 1

function stats(samples: number[]) {
  const sorted = [...samples].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]
  return { n: sorted.length, median: at(0.5), p95: at(0.95) }
}

async function timed<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = process.hrtime.bigint()
  const result = await fn()
  return [result, Number(process.hrtime.bigint() - start) / 1e6]
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    it("measures cart operations", async () => {
      const container = getContainer()
      const admin = await adminHeaders(container)
      const tenant = await createTenant(container, "Bench")
      const region = await createRegion(container, "usd")
      await api.post(`/admin/availability/${tenant.salesChannelId}`, { settings: { capacity_per_date: 10000 } }, admin)
      const mk = (title: string, usd: number) =>
        createPackageProduct(container, { title, prices: { usd }, salesChannelIds: [tenant.salesChannelId] }) as any
      const pkg = await mk("Select", 7500)
      const plain = await mk("Plain", 100)
      const addons = [await mk("Album", 1200), await mk("Hour", 400), await mk("Drone", 700)]
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      const tier = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: pkg.id }, admin)).data.tier
      for (const a of addons) {
        await api.post("/admin/addon-rules", { product_id: a.id, segment_id: segment.id, max_quantity: 5 }, admin)
      }
      await api.post("/admin/pricing-rules", { label: "Peak", kind: "season", months: [6, 7, 8, 9], percent: 20 }, admin)

      const newCart = async () =>
        (await api.post("/store/carts", { region_id: region.id, email: "bench@example.com" }, tenant.headers)).data.cart.id as string
      const pay = async (cartId: string) => {
        const pc = (await api.post("/store/payment-collections", { cart_id: cartId }, tenant.headers)).data.payment_collection
        await api.post(`/store/payment-collections/${pc.id}/payment-sessions`, { provider_id: "pp_system_default" }, tenant.headers)
      }

      const samples: Record<string, number[]> = {
        "POST /store/carts/:id/line-items (Medusa)": [],
        "POST /store/carts/:id/tier-items (tier + 3 add-ons)": [],
        "POST /store/carts/:id/complete (Medusa, 1 plain line)": [],
        "POST /store/carts/:id/complete (tier + 3 add-ons)": [],
      }
      const [lineKey, tierKey, plainDone, tierDone] = Object.keys(samples)
      for (let i = 0; i < ROUNDS + 3; i++) {
        const warm = i < 3
        const date = `${nextYear}-07-${String((i % 28) + 1).padStart(2, "0")}`
        const a = await newCart()
        const [, lineMs] = await timed(() => api.post(`/store/carts/${a}/line-items`, { variant_id: plain.variants[0].id, quantity: 1 }, tenant.headers))
        await pay(a)
        const [, plainMs] = await timed(() => api.post(`/store/carts/${a}/complete`, {}, tenant.headers))

        const b = await newCart()
        const [, tierMs] = await timed(() =>
          api.post(
            `/store/carts/${b}/tier-items`,
            { tier_id: tier.id, event_date: date, addon_variant_ids: addons.map((x: any) => x.variants[0].id) },
            tenant.headers
          )
        )
        await pay(b)
        const [done, tierDoneMs] = await timed(() => api.post(`/store/carts/${b}/complete`, {}, tenant.headers))
        if ((done as any).data.type !== "order") {
          throw new Error(`cart ${b} did not complete`)
        }
        if (!warm) {
          samples[lineKey].push(lineMs)
          samples[plainDone].push(plainMs)
          samples[tierKey].push(tierMs)
          samples[tierDone].push(tierDoneMs)
        }
      }
      const rows = Object.entries(samples).map(([name, s]) => {
        const { n, median, p95 } = stats(s)
        return `| ${name.padEnd(52)} | ${String(n).padStart(3)} | ${median.toFixed(1).padStart(8)} | ${p95.toFixed(1).padStart(8)} |`
      })
      const table = [
        `| ${"operation".padEnd(52)} |   n | median ms |   p95 ms |`,
        `|${"-".repeat(54)}|-----|----------|----------|`,
        ...rows,
      ].join("\n")
      process.stdout.write(`\n${table}\n\n`)
      expect(samples[tierKey]).toHaveLength(ROUNDS)
    })
  },
})
