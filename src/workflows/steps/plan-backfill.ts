import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { bandFor, nextFreeLevels, PriceBand } from "../../lib/bands"
import TierProductLink from "../../links/tier-product"
import { graphRows } from "../../queries/rows"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"
import type { BackfillAssignment, BackfillSkip } from "../../contract/admin"

export type BackfillInput = {
  dry_run: boolean
  currency_code: string
  bands: PriceBand[]
  min_price?: number
  product_ids?: string[]
  collection_ids?: string[]
  type_ids?: string[]
}

export type { BackfillAssignment, BackfillSkip }

export type BackfillPlan = { assignments: BackfillAssignment[]; skipped: BackfillSkip[] }

type ProductRow = {
  id: string
  title: string
  variants?: { prices?: { amount: number; currency_code: string }[] | null }[] | null
}

/** Decides, without writing, which segment and level each unassigned product gets. */
export const planBackfillStep = createStep(
  "plan-backfill",
  async (input: BackfillInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const service: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)

    const handles = [...new Set(input.bands.map((b) => b.segment_handle))]
    const segments = await service.listSegments({ handle: handles }, { select: ["id", "handle"] })
    const missing = handles.find((h) => !segments.some((s) => s.handle === h))
    if (missing) {
      throw new MedusaError(
        MedusaError.Types.INVALID_DATA,
        `Price band segment "${missing}" does not exist; create it or change the bands`
      )
    }

    const filters: Record<string, unknown> = {}
    if (input.product_ids?.length) filters.id = input.product_ids
    if (input.collection_ids?.length) filters.collection_id = input.collection_ids
    if (input.type_ids?.length) filters.type_id = input.type_ids
    const { data } = await query.graph({
      entity: "product",
      fields: ["id", "title", "variants.prices.amount", "variants.prices.currency_code"],
      filters,
    })
    const rows = graphRows<ProductRow>(data)
    const products = rows.sort((a, b) => a.id.localeCompare(b.id))
    if (input.product_ids?.length) {
      const unknown = input.product_ids.find((id) => !products.some((p) => p.id === id))
      if (unknown) {
        throw new MedusaError(MedusaError.Types.NOT_FOUND, `Product ${unknown} was not found`)
      }
    }

    const { data: links } = products.length
      ? await query.graph({
          entity: TierProductLink.entryPoint,
          fields: ["product_id"],
          filters: { product_id: products.map((p) => p.id) },
        })
      : { data: [] as { product_id: string }[] }
    const linked = new Set(links.map((l) => l.product_id as string))

    const skipped: BackfillSkip[] = []
    const priced: { product: ProductRow; price: number; handle: string }[] = []
    const currency = input.currency_code.toLowerCase()
    for (const product of products) {
      if (linked.has(product.id)) {
        skipped.push({ product_id: product.id, title: product.title, reason: "already_assigned" })
        continue
      }
      const amounts = (product.variants ?? []).flatMap((v) =>
        (v.prices ?? []).filter((p) => p.currency_code === currency).map((p) => Number(p.amount))
      )
      if (!amounts.length) {
        skipped.push({ product_id: product.id, title: product.title, reason: "no_price" })
        continue
      }
      const price = Math.min(...amounts)
      if (input.min_price !== undefined && price < input.min_price) {
        skipped.push({ product_id: product.id, title: product.title, reason: "below_min_price" })
        continue
      }
      priced.push({ product, price, handle: bandFor(price, input.bands) })
    }

    const segmentIds = segments.map((s) => s.id)
    const live = segmentIds.length
      ? await service.listTiers({ segment_id: segmentIds, archived_at: null }, { select: ["segment_id", "level"] })
      : []

    const assignments: BackfillAssignment[] = []
    for (const segment of segments) {
      const mine = priced
        .filter((p) => p.handle === segment.handle)
        .sort((a, b) => a.price - b.price || a.product.id.localeCompare(b.product.id))
      const levels = nextFreeLevels(
        live.filter((t) => t.segment_id === segment.id).map((t) => t.level),
        mine.length
      )
      mine.forEach((entry, index) =>
        assignments.push({
          product_id: entry.product.id,
          title: entry.product.title,
          price: entry.price,
          segment_id: segment.id,
          segment_handle: segment.handle,
          level: levels[index],
          tier_id: null,
        })
      )
    }
    return new StepResponse<BackfillPlan>({ assignments, skipped })
  }
)
