import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

export type SetCommissionRatesInput = {
  sales_channel_id: string
  /** percent null = back to the segment's rate. */
  rates: { segment_id: string; percent: number | null }[]
}

type Row = { sales_channel_id: string; segment_id: string; percent: number }

/** Sets or clears a tenant's commission overrides, all or nothing; compensation puts the old ones back. */
export const setCommissionRatesStep = createStep(
  "set-commission-rates",
  async (input: SetCommissionRatesInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const { data: channels } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: input.sales_channel_id } })
    if (!channels.length) {
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${input.sales_channel_id} was not found`)
    }
    const segments: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const ids = input.rates.map((r) => r.segment_id)
    const known = new Set((await segments.listSegments({ id: ids }, { select: ["id"] })).map((s) => s.id))
    const unknown = ids.filter((id) => !known.has(id))
    if (unknown.length) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown segment(s): ${unknown.join(", ")}`)
    }
    const before = await segments.listCommissionRates({ sales_channel_id: input.sales_channel_id, segment_id: ids })
    if (before.length) {
      await segments.deleteCommissionRates(before.map((r) => r.id))
    }
    const rows: Row[] = input.rates
      .filter((r) => r.percent !== null)
      .map((r) => ({ sales_channel_id: input.sales_channel_id, segment_id: r.segment_id, percent: r.percent! }))
    const created = rows.length ? await segments.createCommissionRates(rows) : []
    return new StepResponse(created, {
      created: created.map((c) => c.id),
      before: before.map((b) => ({ sales_channel_id: b.sales_channel_id, segment_id: b.segment_id, percent: Number(b.percent) })),
    })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const segments: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    if (undo.created.length) {
      await segments.deleteCommissionRates(undo.created)
    }
    if (undo.before.length) {
      await segments.createCommissionRates(undo.before)
    }
  }
)
