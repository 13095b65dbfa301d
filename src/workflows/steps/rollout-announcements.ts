import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"
import type { RolloutFeature } from "../../lib/rollout"

/** A rollback as its notice and its event carry it. */
export type RollbackAnnouncement = {
  id: string
  feature: RolloutFeature
  from_percent: number
  to_percent: number
  reason: string
  figures: Record<string, unknown> | null
}

/** Rollbacks whose notice and event have not gone out yet, oldest first (at most 50 a run). */
export const loadUnannouncedRollbacksStep = createStep("load-unannounced-rollbacks", async (_: void, { container }) => {
  const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
  const rows = await service.listRolloutChanges({ action: "rollback", announced_at: null }, { order: { created_at: "ASC" }, take: 50 })
  return new StepResponse(
    rows.map((r): RollbackAnnouncement => ({
      id: r.id,
      feature: r.feature as RolloutFeature,
      from_percent: r.from_percent,
      to_percent: r.to_percent,
      reason: r.reason,
      figures: (r.figures as Record<string, unknown> | null) ?? null,
    }))
  )
})

/** Marks rollbacks announced; undone by marking them pending again. */
export const markRollbacksAnnouncedStep = createStep(
  "mark-rollbacks-announced",
  async (ids: string[], { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    if (ids.length) await service.updateRolloutChanges({ selector: { id: ids }, data: { announced_at: new Date() } })
    return new StepResponse(ids.length, ids)
  },
  async (ids, { container }) => {
    if (!ids?.length) return
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    await service.updateRolloutChanges({ selector: { id: ids }, data: { announced_at: null } })
  }
)
