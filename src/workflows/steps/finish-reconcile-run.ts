import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type ReconcileCounts = { repairs: number; orders_checked?: number }

/** Closes a run with what it checked and repaired; the next run starts from its horizon. */
export const finishReconcileRunStep = createStep(
  "finish-reconcile-run",
  async (input: { run_id: string; until: string; counts: ReconcileCounts[] }, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const repairs = input.counts.reduce((sum, c) => sum + c.repairs, 0)
    const orders_checked = input.counts.reduce((sum, c) => sum + (c.orders_checked ?? 0), 0)
    const run = await service.updateReconcileRuns({
      id: input.run_id,
      finished_at: new Date(),
      checked_until: new Date(input.until),
      repairs,
      orders_checked,
    })
    return new StepResponse({ id: run.id, repairs, orders_checked })
  }
)
