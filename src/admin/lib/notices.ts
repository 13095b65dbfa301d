import { MAX_OPTION_LAPSING_HOURS, NOTICE_TEMPLATES, type NoticeTemplate } from "../../lib/notices"

/** What each template is called on the screen, and when it goes out. */
export const NOTICE_LABELS: Record<NoticeTemplate, { label: string; when: string }> = {
  "booking-confirmation": { label: "Booking confirmation", when: "to the couple when an order with a package is placed" },
  "upgrade-confirmed": { label: "Upgrade confirmed", when: "to the couple when their booked package is upgraded" },
  "booking-rescheduled": { label: "Booking rescheduled", when: "to the couple when their booking moves to another date" },
  "booking-canceled": { label: "Booking canceled", when: "to the couple when their order is canceled" },
  "option-promoted": { label: "Option moved up", when: "to a client when their queued option now holds the date" },
  "option-lapsing": { label: "Option about to lapse", when: "to a client before their option's hold ends" },
  "balance-reminder": { label: "Balance reminder", when: "to the couple a week before their balance (or each payment of a plan) is due" },
  "payment-received": { label: "Payment received", when: "to the couple when a balance payment is made or recorded" },
  "payment-failed": { label: "Payment failed", when: "to the couple when a charge of their saved card fails" },
  "balance-overdue": { label: "Balance overdue", when: "to the couple the day after their balance (or a payment of a plan) was due, when unpaid" },
  "payment-link": { label: "Payment link", when: "to the couple when you send them a link to pay the balance" },
}

export { NOTICE_TEMPLATES, MAX_OPTION_LAPSING_HOURS }

/** The warning window typed in the form: a whole number of hours in range, else null. */
export function lapsingHours(text: string): number | null {
  const hours = Number(text)
  return Number.isInteger(hours) && hours >= 1 && hours <= MAX_OPTION_LAPSING_HOURS ? hours : null
}
