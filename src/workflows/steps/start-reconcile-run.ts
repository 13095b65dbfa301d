import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { RECHECK_MINUTES } from "../../lib/reconcile"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type ReconcileTrigger = "boot" | "schedule" | "admin" | "test"

export type ReconcileWindow = {
  run_id: string
  /** Orders and records written from here on are checked again; null on the first run (everything). */
  since: string | null
  until: string
}

/** Opens a reconciler run and decides how far back it looks: a little before where the last run stopped. */
export const startReconcileRunStep = createStep(
  "start-reconcile-run",
  async (input: { trigger: ReconcileTrigger; full?: boolean }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const now = new Date()
    const [last] = input.full
      ? []
      : await service.listReconcileRuns({ finished_at: { $ne: null }, error: null }, { order: { finished_at: "DESC" }, take: 1 })
    const since = last?.checked_until ? new Date(new Date(last.checked_until).getTime() - RECHECK_MINUTES * 60_000).toISOString() : null
    const run = await service.createReconcileRuns({ trigger: input.trigger, started_at: now })
    return new StepResponse<ReconcileWindow>({ run_id: run.id, since, until: now.toISOString() })
  }
)
