import type { AdminOrderSchedule, AdminRecordOfflinePaymentRequest, OfflinePaymentMethod, OrderSchedulePayment, PaymentPlanStatus } from "../../contract/admin"

/** The order's plan and the balances page in words. */

type BadgeColor = "green" | "red" | "orange" | "grey"

const PLAN_STATUS: Record<PaymentPlanStatus, { label: string; color: BadgeColor }> = {
  paid: { label: "Paid", color: "green" },
  due: { label: "Due", color: "orange" },
  overdue: { label: "Overdue", color: "red" },
  canceled: { label: "Canceled", color: "grey" },
}

export const planStatusBadge = (status: PaymentPlanStatus) => PLAN_STATUS[status] ?? { label: status, color: "grey" as const }

export const OFFLINE_METHOD_LABELS: Record<OfflinePaymentMethod, string> = {
  cheque: "Cheque",
  bank_transfer: "Bank transfer",
  cash: "Cash",
  other: "Other",
}

const KIND_LABELS: Record<OrderSchedulePayment["kind"], string> = {
  checkout: "At checkout",
  session: "Balance, online",
  offline: "Offline",
}

/** One payment of the schedule: when it was taken, and how. */
export function paymentLabel(payment: OrderSchedulePayment): string {
  const method = payment.kind === "offline" ? OFFLINE_METHOD_LABELS[payment.method as OfflinePaymentMethod] ?? payment.method : payment.method
  return [KIND_LABELS[payment.kind], method, payment.reference].filter(Boolean).join(" · ")
}

/** A payment that holds money (a started, unpaid balance session does not). */
export const isTaken = (payment: OrderSchedulePayment) => !["not_paid", "awaiting", "canceled"].includes(payment.status)

export type OfflineForm = { amount: string; method: OfflinePaymentMethod; reference: string; note: string }

export const emptyOfflineForm = (balance: number): OfflineForm => ({ amount: balance > 0 ? String(balance) : "", method: "bank_transfer", reference: "", note: "" })

/** The form as the API takes it, or the reason it cannot be sent; the server checks the amount against the balance again. */
export function offlinePaymentBody(form: OfflineForm): { body: AdminRecordOfflinePaymentRequest } | { problem: string } {
  const amount = Number(form.amount.trim())
  if (!form.amount.trim() || !Number.isFinite(amount) || amount <= 0) {
    return { problem: "Enter the amount received, more than 0" }
  }
  const reference = form.reference.trim()
  const note = form.note.trim()
  return { body: { amount, method: form.method, ...(reference ? { reference } : {}), ...(note ? { note } : {}) } }
}

/** The saved-method charge in words: its provider and attempts, flagged once the retries are spent. */
export function chargeText(charge: NonNullable<AdminOrderSchedule["charge"]>): string {
  const attempts = charge.attempts === 0 ? "no attempt yet" : `${charge.attempts} failed attempt${charge.attempts === 1 ? "" : "s"}`
  return `${charge.provider_id} · ${attempts}${charge.flagged_at ? " · flagged: retries spent" : ""}`
}
