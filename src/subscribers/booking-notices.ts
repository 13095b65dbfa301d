import { SubscriberArgs, SubscriberConfig } from "@medusajs/framework"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { BALANCE_EVENTS, BalanceChargeFailedEvent, BalanceDueEvent, BalancePaidEvent, PaymentLinkEvent } from "../lib/balances"
import { bookOptionOrderWorkflow } from "../workflows/date-options"
import { BOOKING_RESCHEDULED, BookingRescheduledEvent } from "../workflows/reschedule-booking"
import { sendNoticeWorkflow } from "../workflows/send-notice"
import type { NoticeRequest } from "../workflows/steps/build-notice"
import { OPTION_PROMOTED } from "../workflows/steps/date-options"
import type { TierUpgradeEvent } from "../workflows/steps/prepare-cart-tier-upgrade"
import { TIER_UPGRADED } from "../workflows/upgrade-cart-tier"

type EventData = Record<string, unknown>

/** The notification each event asks for (null: none, e.g. an upgrade still in a cart). */
const REQUESTS: Record<string, (data: EventData) => NoticeRequest | null> = {
  "order.placed": (data) => ({ template: "booking-confirmation", order_id: String(data.id) }),
  "order.canceled": (data) => ({ template: "booking-canceled", order_id: String(data.id) }),
  [TIER_UPGRADED]: (data) => {
    const upgrade = data as TierUpgradeEvent
    return upgrade.order_id ? { template: "upgrade-confirmed", upgrade: { ...upgrade, order_id: upgrade.order_id } } : null
  },
  [BOOKING_RESCHEDULED]: (data) => ({ template: "booking-rescheduled", reschedule: data as BookingRescheduledEvent }),
  [OPTION_PROMOTED]: (data) => ({ template: "option-promoted", option_id: String(data.option_id) }),
  [BALANCE_EVENTS.reminder_due]: (data) => ({ template: "balance-reminder", due: data as BalanceDueEvent }),
  [BALANCE_EVENTS.overdue]: (data) => ({ template: "balance-overdue", due: data as BalanceDueEvent }),
  [BALANCE_EVENTS.paid]: (data) => ({ template: "payment-received", payment: data as BalancePaidEvent }),
  [BALANCE_EVENTS.charge_failed]: (data) => ({ template: "payment-failed", failure: data as BalanceChargeFailedEvent }),
  [BALANCE_EVENTS.payment_link]: (data) => ({ template: "payment-link", link: data as PaymentLinkEvent }),
}

/**
 * Tells the couple (or a merchant's client) what happened, through Medusa's Notification module,
 * once per event however often it is delivered. A failed send is logged and never undoes what the
 * event reports; the Notification module keeps it as failed, and a redelivery sends it again.
 */
export default async function bookingNotices({ event, container }: SubscriberArgs<EventData>) {
  const request = REQUESTS[event.name]?.(event.data)
  if (!request) {
    return
  }
  const logger = container.resolve(ContainerRegistrationKeys.LOGGER)
  try {
    if (event.name === "order.placed") {
      // An option's order gets its package record first (idempotent; the order-placed subscriber does the same).
      await bookOptionOrderWorkflow(container).run({ input: { order_id: String(event.data.id) } })
    }
    const { result } = await sendNoticeWorkflow(container).run({ input: request })
    if (result.skipped) {
      logger.debug(`No ${request.template} notification for ${event.name}: ${result.skipped}`)
    }
  } catch (e) {
    logger.error(`The ${request.template} notification for ${event.name} failed: ${(e as Error).message}`)
  }
}

export const config: SubscriberConfig = {
  event: Object.keys(REQUESTS),
}
