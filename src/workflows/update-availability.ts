import { createWorkflow, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createEntitiesStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import { BOOKING_MODULE } from "../modules/booking"
import { prepareAvailabilityChangeStep } from "./steps/prepare-availability-change"
import { removeAvailabilityEntriesStep } from "./steps/remove-availability-entries"
import { CapacityOverrideChange, setCapacityOverrideStep } from "./steps/set-capacity-override"
import { AvailabilitySettingsChange, upsertAvailabilitySettingsStep } from "./steps/upsert-availability-settings"

export type UpdateAvailabilityWorkflowInput = {
  sales_channel_id: string
  settings?: Omit<AvailabilitySettingsChange, "sales_channel_id">
  add_blackouts?: { start_date: string; end_date: string; reason?: string | null }[]
  remove_blackout_ids?: string[]
  add_high_demand_dates?: { date: string; note?: string | null }[]
  remove_high_demand_date_ids?: string[]
  capacity_override?: Omit<CapacityOverrideChange, "sales_channel_id">
}

/** Every change a merchant makes to a tenant's availability, all or nothing. */
export const updateAvailabilityWorkflow = createWorkflow(
  "update-availability",
  (input: UpdateAvailabilityWorkflowInput) => {
    useQueryGraphStep({
      entity: "sales_channel",
      fields: ["id"],
      filters: { id: input.sales_channel_id },
      options: { throwIfKeyNotFound: true },
    })
    const checked = prepareAvailabilityChangeStep(input)
    when({ input }, ({ input }) => !!input.settings).then(() => {
      upsertAvailabilitySettingsStep(
        transform({ input }, ({ input }) => ({ sales_channel_id: input.sales_channel_id, ...input.settings }))
      )
    })
    when({ input }, ({ input }) => !!input.capacity_override).then(() => {
      setCapacityOverrideStep(
        transform({ input }, ({ input }) => ({ sales_channel_id: input.sales_channel_id, ...input.capacity_override! }))
      )
    })
    createEntitiesStep(
      transform({ input }, ({ input }) => ({
        moduleRegistrationName: BOOKING_MODULE,
        invokeMethod: "createBlackouts",
        compensateMethod: "deleteBlackouts",
        data: (input.add_blackouts ?? []).map((b) => ({ ...b, sales_channel_id: input.sales_channel_id })),
      }))
    ).config({ name: "create-blackouts" })
    createEntitiesStep(
      transform({ input, checked }, ({ input, checked }) => ({
        moduleRegistrationName: BOOKING_MODULE,
        invokeMethod: "createHighDemandDates",
        compensateMethod: "deleteHighDemandDates",
        data: checked.add_high_demand_dates.map((d) => ({ ...d, sales_channel_id: input.sales_channel_id })),
      }))
    ).config({ name: "create-high-demand-dates" })
    removeAvailabilityEntriesStep(
      transform({ input }, ({ input }) => ({
        sales_channel_id: input.sales_channel_id,
        blackout_ids: input.remove_blackout_ids ?? [],
        high_demand_date_ids: input.remove_high_demand_date_ids ?? [],
      }))
    )
    return new WorkflowResponse(input.sales_channel_id)
  }
)
