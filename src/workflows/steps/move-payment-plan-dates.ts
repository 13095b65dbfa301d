import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { Instalment, movedPlanDates } from "../../lib/instalments"
import { BOOKING_MODULE, BookingModuleService } from "../../modules/booking"
import { DEPOSITS_MODULE, DepositsModuleService } from "../../modules/deposits"
import { tenantToday } from "../../queries/time-zones"

export type MovePaymentPlanDatesInput = { order_id: string; sales_channel_id: string }

type Dates = { id: string; event_date: string | null; balance_due_date: string | null; first_due_date?: string | null; instalments?: Instalment[] | null }

// The plan keeps its payments as JSON.
const stored = (dates: Dates) => ({ ...dates, instalments: dates.instalments as unknown as Record<string, unknown> | null | undefined })

/**
 * After a booking moved (a reschedule), the order's payment plan follows its earliest event still
 * booked: the balance stays due the policy's days before it, each payment of a plan of several moves
 * as much (`movedPlanDates`). Undone by putting the plan's dates back.
 */
export const movePaymentPlanDatesStep = createStep(
  "move-payment-plan-dates",
  async (input: MovePaymentPlanDatesInput, { container }) => {
    const deposits: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
    const booking: BookingModuleService = container.resolve(BOOKING_MODULE)
    const [plan] = await deposits.listPaymentPlans({ order_id: input.order_id })
    if (!plan || plan.pay_in_full || !plan.balance_due_date) {
      return new StepResponse(null, null)
    }
    const live = await booking.listBookings({ order_id: input.order_id, status: { $ne: "canceled" } }, { select: ["event_date"] })
    const earliest = live.map((b) => b.event_date).sort()[0]
    const before: Dates = {
      id: plan.id,
      event_date: plan.event_date,
      balance_due_date: plan.balance_due_date,
      first_due_date: plan.first_due_date,
      instalments: (plan.instalments as Instalment[] | null) ?? null,
    }
    const moved = earliest ? movedPlanDates(before, earliest, await tenantToday(container, input.sales_channel_id)) : before
    if (moved === before) {
      return new StepResponse(null, null)
    }
    await deposits.updatePaymentPlans(stored({ ...moved, id: plan.id }))
    return new StepResponse({ balance_due_date: moved.balance_due_date }, before)
  },
  async (before, { container }) => {
    if (!before) {
      return
    }
    const deposits: DepositsModuleService = container.resolve(DEPOSITS_MODULE)
    await deposits.updatePaymentPlans(stored(before))
  }
)
