import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"

export type AvailabilitySettingsChange = {
  sales_channel_id: string
  capacity_per_date?: number
  min_lead_days?: number
  max_advance_days?: number | null
  high_demand_threshold?: number
  hold_minutes?: number
  time_zone?: string
  /** The calendar feed's secret (see issue-calendar-feed). */
  feed_token?: string
  allow_customer_reschedule?: boolean
  reschedule_notice_days?: number
}

/** Creates the tenant's settings row on first save, else changes it; undone either way. */
type Undo = { created?: string; restore?: { id: string } & Record<string, unknown> }

export const upsertAvailabilitySettingsStep = createStep(
  "upsert-availability-settings",
  async (input: AvailabilitySettingsChange, { container }) => {
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [existing] = await service.listAvailabilitySettings({ sales_channel_id: input.sales_channel_id })
    if (!existing) {
      const created = await service.createAvailabilitySettings(input)
      return new StepResponse<{ id: string }, Undo>(created, { created: created.id })
    }
    const { sales_channel_id, ...change } = input
    const before = Object.fromEntries(
      Object.keys(change).map((key) => [key, (existing as Record<string, unknown>)[key]])
    )
    const updated = await service.updateAvailabilitySettings({ id: existing.id, ...change })
    return new StepResponse<{ id: string }, Undo>(updated, { restore: { id: existing.id, ...before } })
  },
  async (undo, { container }) => {
    if (!undo) {
      return
    }
    const service: BookingModuleService = container.resolve(BOOKING_MODULE)
    if (undo.created) {
      await service.deleteAvailabilitySettings(undo.created)
    } else if (undo.restore) {
      await service.updateAvailabilitySettings(undo.restore)
    }
  }
)
