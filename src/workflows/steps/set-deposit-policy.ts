import { MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../modules/deposits"
import { SEGMENTS_MODULE, SegmentsModuleService } from "../../modules/segments"

export type DepositPolicyInput = {
  sales_channel_id: string
  segment_id: string | null
  kind: "percent" | "fixed"
  value: number
  currency_code: string | null
  balance_due_days: number
  deposit_refundable: boolean
  balance_refundable_days: number
  /** Payments the balance is split into (1 on a segment's override: the tenant's default decides). */
  instalments: number
}

const KEPT = ["sales_channel_id", "segment_id", "kind", "value", "currency_code", "balance_due_days", "deposit_refundable", "balance_refundable_days", "instalments"] as const

async function ensureTenantAndSegment(container: MedusaContainer, salesChannelId: string, segmentId: string | null) {
  const query = container.resolve(ContainerRegistrationKeys.QUERY)
  const { data } = await query.graph({ entity: "sales_channel", fields: ["id"], filters: { id: salesChannelId } })
  if (!data.length) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, `Sales channel ${salesChannelId} was not found`)
  }
  if (segmentId) {
    const segments: SegmentsModuleService = container.resolve(SEGMENTS_MODULE)
    const [segment] = await segments.listSegments({ id: segmentId }, { select: ["id"] })
    if (!segment) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, `Unknown segment: ${segmentId}`)
    }
  }
}

/** Sets a tenant's default or a segment's override (replacing the one before); compensation puts it back. */
export const setDepositPolicyStep = createStep(
  "set-deposit-policy",
  async (input: DepositPolicyInput, { container }) => {
    await ensureTenantAndSegment(container, input.sales_channel_id, input.segment_id)
    const service: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
    const [before] = await service.listDepositPolicies({ sales_channel_id: input.sales_channel_id, segment_id: input.segment_id })
    const saved = before ? await service.updateDepositPolicies({ id: before.id, ...input }) : await service.createDepositPolicies(input)
    const previous = before ? (Object.fromEntries(KEPT.map((k) => [k, before[k]])) as unknown as DepositPolicyInput) : null
    return new StepResponse(saved, { id: saved.id, previous })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
    if (undo.previous) {
      await service.updateDepositPolicies({ id: undo.id, ...undo.previous })
    } else {
      await service.deleteDepositPolicies(undo.id)
    }
  }
)

/** Removes a tenant's default or a segment's override (404 when there is none); compensation restores it. */
export const removeDepositPolicyStep = createStep(
  "remove-deposit-policy",
  async (input: { sales_channel_id: string; segment_id: string | null }, { container }) => {
    const service: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
    const [policy] = await service.listDepositPolicies({ sales_channel_id: input.sales_channel_id, segment_id: input.segment_id })
    if (!policy) {
      const what = input.segment_id ? `segment ${input.segment_id}` : "the store"
      throw new MedusaError(MedusaError.Types.NOT_FOUND, `No deposit policy for ${what} in sales channel ${input.sales_channel_id}`)
    }
    await service.deleteDepositPolicies(policy.id)
    return new StepResponse(policy.id, policy.id)
  },
  async (id, { container }) => {
    if (id) {
      const service: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
      await service.restoreDepositPolicies(id)
    }
  }
)
