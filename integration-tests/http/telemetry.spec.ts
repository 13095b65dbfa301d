import { medusaIntegrationTestRunner } from "@medusajs/test-utils"
import { registerOtel } from "@medusajs/medusa"
import { context, propagation, trace } from "@medusajs/framework/opentelemetry/api"
import { InMemorySpanExporter, SimpleSpanProcessor } from "@medusajs/framework/opentelemetry/sdk-trace-node"
import { TENANT_ATTRIBUTE, TENANT_CHANNELS_ATTRIBUTE, TenantSpanProcessor } from "../../src/telemetry"
import { adminHeaders, createPackageProduct, createRegion, createTenant, Tenant } from "./fixtures"

jest.setTimeout(120 * 1000)

const nextYear = new Date().getUTCFullYear() + 1

// Registered before the app loads its routes, as the app's instrumentation.ts does (README "Telemetry").
const exporter = new InMemorySpanExporter()
const sdk = registerOtel({
  serviceName: "tiered-telemetry-spec",
  spanProcessors: [new TenantSpanProcessor(), new SimpleSpanProcessor(exporter)],
  instrument: { http: true, workflows: true, query: true },
})

type Finished = ReturnType<InMemorySpanExporter["getFinishedSpans"]>[number]

/** The finished spans of the traces that have a span named `root`. */
function tracesOf(root: string): Finished[][] {
  const spans = exporter.getFinishedSpans()
  const ids = new Set(spans.filter((s) => s.name === root).map((s) => s.spanContext().traceId))
  return [...ids].map((id) => spans.filter((s) => s.spanContext().traceId === id))
}

medusaIntegrationTestRunner({
  testSuite: ({ api, getContainer }) => {
    let admin: { headers: Record<string, string> }
    let studio: Tenant
    let venue: Tenant
    let region: { id: string }
    let select: { id: string }

    afterAll(async () => {
      await sdk.shutdown()
      // The worker runs other spec files after this one: leave no global tracer behind.
      trace.disable()
      context.disable()
      propagation.disable()
    })

    beforeEach(async () => {
      const container = getContainer()
      admin = await adminHeaders(container)
      studio = await createTenant(container, "Studio")
      venue = await createTenant(container, "Venue")
      region = await createRegion(container, "usd")
      const product = await createPackageProduct(container, { title: "Select", prices: { usd: 7500 }, salesChannelIds: [studio.salesChannelId] })
      const segment = (await api.post("/admin/segments", { handle: "signature", name: "Signature" }, admin)).data.segment
      select = (await api.post(`/admin/segments/${segment.id}/tiers`, { level: 1, name: "Select", product_id: product.id }, admin)).data.tier
      exporter.reset()
    })

    it("traces a tier-items call as named route, workflow and step spans, each carrying the tenant", async () => {
      const cart = (await api.post("/store/carts", { region_id: region.id }, studio.headers)).data.cart
      exporter.reset()
      await api.post(`/store/carts/${cart.id}/tier-items`, { tier_id: select.id, event_date: `${nextYear}-07-17` }, studio.headers)

      const [spans, ...others] = tracesOf("route handler: /store/carts/:id/tier-items")
      expect(others).toHaveLength(0)
      const names = spans.map((s) => s.name)
      const named = ["route handler: /store/carts/:id/tier-items", "workflow:add-tier-to-cart", "step:prepare-tier-items:invoke", "step:hold-tier-date:invoke"]
      expect(names).toEqual(expect.arrayContaining([...named, "middleware: trace_tenant"]))
      for (const name of named) {
        expect(spans.find((s) => s.name === name)?.attributes[TENANT_ATTRIBUTE]).toBe(studio.salesChannelId)
      }
      // Everything after the tenant is known names it (Medusa's workflows, steps and queries under the plugin's).
      const tagged = spans.filter((s) => s.attributes[TENANT_CHANNELS_ATTRIBUTE] !== undefined)
      expect(tagged.filter((s) => s.name.startsWith("query.graph: ")).length).toBeGreaterThan(0)
      expect(tagged.length).toBeGreaterThan(20)
      for (const span of tagged) {
        expect(span.attributes[TENANT_ATTRIBUTE]).toBe(studio.salesChannelId)
        expect(span.attributes[TENANT_CHANNELS_ATTRIBUTE]).toEqual([studio.salesChannelId])
      }
    })

    it("names each request's own tenant, and none on admin requests", async () => {
      const read = (tenant: Tenant) => api.get(`/store/segments?region_id=${region.id}`, tenant.headers)
      await Promise.all([read(studio), read(venue)])
      const traces = tracesOf("route handler: /store/segments")
      expect(traces).toHaveLength(2)
      const tenants = traces.map((spans) => new Set(spans.map((s) => s.attributes[TENANT_ATTRIBUTE]).filter(Boolean)))
      expect(tenants.map((t) => [...t]).sort()).toEqual([[studio.salesChannelId], [venue.salesChannelId]].sort())

      await api.get("/admin/segments", admin)
      const [adminSpans] = tracesOf("route handler: /admin/segments")
      expect(adminSpans.length).toBeGreaterThan(0)
      expect(adminSpans.every((s) => s.attributes[TENANT_ATTRIBUTE] === undefined)).toBe(true)
    })
  },
})
