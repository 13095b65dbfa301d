import { MedusaContainer } from "@medusajs/framework/types"
import type { CreateNotificationDTO } from "@medusajs/framework/types"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import type { BalanceChargeFailedEvent, BalanceDueEvent, BalancePaidEvent, PaymentLinkEvent } from "../../lib/balances"
import {
  isLapsingSoon,
  noticeInstalment,
  noticeKey,
  NoticeFailure,
  NoticeLink,
  NoticeReceived,
  NoticeTemplate,
  owedBalanceProblem,
  optionNoticeData,
  orderNoticeData,
  rescheduleNoticeData,
  upgradeNoticeData,
} from "../../lib/notices"
import { noticeTiers, optionNoticeFacts, orderNoticeFacts, tenantNoticeSwitches } from "../../queries/notices"

/** What to tell whom: one request per event; the step reads the rest. */
export type NoticeRequest =
  | { template: "booking-confirmation"; order_id: string }
  | { template: "booking-canceled"; order_id: string }
  | {
      template: "upgrade-confirmed"
      upgrade: { order_id: string; line_item_id: string; from_tier_id: string; to_tier_id: string; price_difference: number }
    }
  | {
      template: "booking-rescheduled"
      reschedule: { order_id: string; booking_id: string; line_item_id: string; from: string; to: string; price_difference: number }
    }
  | { template: "option-promoted"; option_id: string }
  | { template: "option-lapsing"; option_id: string }
  | { template: "balance-reminder"; due: Pick<BalanceDueEvent, "order_id" | "balance_due_date" | "instalment"> }
  | { template: "balance-overdue"; due: Pick<BalanceDueEvent, "order_id" | "balance_due_date" | "instalment"> }
  | { template: "payment-received"; payment: BalancePaidEvent }
  | { template: "payment-failed"; failure: Pick<BalanceChargeFailedEvent, "order_id" | "attempt" | "attempted_on" | "next_attempt_on" | "flagged" | "instalment"> }
  | { template: "payment-link"; link: PaymentLinkEvent }

/** The notification to send, or why none is (one of the reasons the README lists). */
export type BuiltNotice = { notification: CreateNotificationDTO | null; skipped: string | null }

type Draft = {
  sales_channel_id: string
  to: string | null
  key: string
  data: Record<string, unknown>
  resource_type: string
  resource_id: string
  receiver_id?: string | null
}

/** Each template's reading of its request: the notification's parts, or the reason there is none. */
const BUILDERS: { [T in NoticeTemplate]: (scope: MedusaContainer, request: Extract<NoticeRequest, { template: T }>) => Promise<Draft | string> } = {
  "booking-confirmation": (scope, { order_id }) => wholeOrderDraft(scope, "booking-confirmation", order_id),
  "booking-canceled": (scope, { order_id }) => wholeOrderDraft(scope, "booking-canceled", order_id),
  "upgrade-confirmed": async (scope, { upgrade }) => {
    const facts = await orderNoticeFacts(scope, upgrade.order_id)
    if (!facts) {
      return "the order does not exist"
    }
    const tiers = [...facts.tiers, ...(await noticeTiers(scope, [upgrade.from_tier_id]))]
    const data = upgradeNoticeData(orderNoticeData(facts.order, facts.records, facts.tiers, facts.payment), upgrade, tiers)
    if (!data) {
      return "the order no longer books the upgraded package"
    }
    // The line upgraded away names the upgrade: a later upgrade of the new line is another notice.
    return orderDraft(facts.order, noticeKey("upgrade-confirmed", upgrade.order_id, upgrade.line_item_id), data)
  },
  "booking-rescheduled": async (scope, { reschedule }) => {
    const facts = await orderNoticeFacts(scope, reschedule.order_id)
    if (!facts) {
      return "the order does not exist"
    }
    const data = rescheduleNoticeData(orderNoticeData(facts.order, facts.records, facts.tiers, facts.payment), reschedule)
    if (!data) {
      return "the order no longer books the moved package"
    }
    // Each move takes a new booking: its id names the move.
    return orderDraft(facts.order, noticeKey("booking-rescheduled", reschedule.order_id, reschedule.booking_id), data)
  },
  "option-promoted": async (scope, { option_id }) => optionDraft(scope, option_id, "option-promoted", () => true),
  "option-lapsing": async (scope, { option_id }) =>
    optionDraft(scope, option_id, "option-lapsing", (option, hours) => isLapsingSoon(option, hours, new Date())),
  // A due date moved is another reminder (and another overdue notice); the schedule emits each once per due date
  // (of each instalment, for a plan of several: "payment 2 of 3").
  "balance-reminder": (scope, { due }) =>
    paymentDraft(scope, due.order_id, noticeKey("balance-reminder", due.order_id, instalmentDue(due)), noticeInstalment(due.instalment), true),
  "balance-overdue": (scope, { due }) =>
    paymentDraft(scope, due.order_id, noticeKey("balance-overdue", due.order_id, instalmentDue(due)), noticeInstalment(due.instalment), true),
  "payment-received": (scope, { payment }) => {
    const received: NoticeReceived = {
      payment_id: payment.payment_id,
      amount: payment.amount,
      currency_code: payment.currency_code,
      method: payment.method,
      offline_method: payment.offline_method ?? null,
    }
    return paymentDraft(scope, payment.order_id, noticeKey("payment-received", payment.payment_id), { received })
  },
  "payment-failed": (scope, { failure }) => {
    const told: NoticeFailure = { attempt: failure.attempt, attempted_on: failure.attempted_on, next_attempt_on: failure.next_attempt_on, flagged: failure.flagged }
    // Attempts count again from 1 once the couple saves a method anew: the day names the attempt too.
    return paymentDraft(
      scope,
      failure.order_id,
      noticeKey("payment-failed", failure.order_id, failure.attempted_on, failure.attempt),
      { failure: told, ...noticeInstalment(failure.instalment) },
      true
    )
  },
  "payment-link": (scope, { link }) => {
    const told: NoticeLink = { url: link.url, amount: link.amount, currency_code: link.currency_code, balance_due_date: link.balance_due_date, sent_on: link.sent_on }
    return paymentDraft(scope, link.order_id, noticeKey("payment-link", link.order_id, link.sent_on), { link: told }, true)
  },
}

/** The due date a reminder or overdue notice is for: its instalment's, else the balance's. */
const instalmentDue = (due: Pick<BalanceDueEvent, "balance_due_date" | "instalment">) => due.instalment?.due_date ?? due.balance_due_date ?? "none"

/**
 * A notice about the order's money, to its email: the order fields (`payment` as the plan stands
 * now) and what happened. One about an owed balance is not sent once the order is paid in full.
 */
async function paymentDraft(scope: MedusaContainer, orderId: string, key: string, told: object, owed = false): Promise<Draft | string> {
  const facts = await orderNoticeFacts(scope, orderId)
  if (!facts) {
    return "the order does not exist"
  }
  const problem = owed ? owedBalanceProblem(facts.payment) : null
  if (problem) {
    return problem
  }
  return orderDraft(facts.order, key, { ...orderNoticeData(facts.order, facts.records, facts.tiers, facts.payment), ...told })
}

/** A notice about the whole order (placed, canceled): to its email, once per order. */
async function wholeOrderDraft(scope: MedusaContainer, template: "booking-confirmation" | "booking-canceled", orderId: string): Promise<Draft | string> {
  const facts = await orderNoticeFacts(scope, orderId)
  if (!facts) {
    return "the order does not exist"
  }
  const data = orderNoticeData(facts.order, facts.records, facts.tiers, facts.payment)
  if (!data.packages.length) {
    return "the order books no package"
  }
  // A cancel tells what the tenant's policy refunded and kept.
  return orderDraft(facts.order, noticeKey(template, orderId), template === "booking-canceled" ? { ...data, cancellation: facts.cancellation } : data)
}

function orderDraft(order: { id: string; email: string | null; customer_id: string | null; sales_channel: { id: string } }, key: string, data: object): Draft {
  return {
    sales_channel_id: order.sales_channel.id,
    to: order.email,
    key,
    data: data as Record<string, unknown>,
    resource_type: "order",
    resource_id: order.id,
    receiver_id: order.customer_id,
  }
}

async function optionDraft(
  scope: MedusaContainer,
  optionId: string,
  template: "option-promoted" | "option-lapsing",
  due: (option: { status: string; expires_at: string | null }, hours: number) => boolean
): Promise<Draft | string> {
  const facts = await optionNoticeFacts(scope, optionId)
  if (!facts?.tier) {
    return "the option does not exist"
  }
  const { option, tier, product_title } = facts
  const switches = await tenantNoticeSwitches(scope, option.sales_channel.id)
  if (!due(option, switches.option_lapsing_hours)) {
    return `the option is ${option.status}${option.expires_at ? ` until ${option.expires_at}` : ""}, not due for this notice`
  }
  if (!option.client_email) {
    return "the option has no client email"
  }
  return {
    sales_channel_id: option.sales_channel.id,
    to: option.client_email,
    // A promotion happens once per option; a warning once per expiry (an extended option is warned again before its new one).
    key: template === "option-promoted" ? noticeKey(template, option.id) : noticeKey(template, option.id, option.expires_at!),
    data: optionNoticeData({ ...option, client_email: option.client_email }, tier, product_title) as unknown as Record<string, unknown>,
    resource_type: "date_option",
    resource_id: option.id,
  }
}

/**
 * Builds the notification a request stands for, on the `email` channel with its template name,
 * data and idempotency key; none (with the reason) when its tenant turned the template off, there
 * is no address to send to, or the request names nothing that warrants it. Reads only.
 */
export const buildNoticeStep = createStep("build-notice", async (request: NoticeRequest, { container }) => {
  const build = BUILDERS[request.template] as (scope: MedusaContainer, r: NoticeRequest) => Promise<Draft | string>
  const draft = await build(container, request)
  if (typeof draft === "string") {
    return new StepResponse<BuiltNotice>({ notification: null, skipped: draft })
  }
  const switches = await tenantNoticeSwitches(container, draft.sales_channel_id)
  if (!switches.templates[request.template]) {
    return new StepResponse<BuiltNotice>({ notification: null, skipped: `the tenant turned ${request.template} off` })
  }
  if (!draft.to) {
    return new StepResponse<BuiltNotice>({ notification: null, skipped: "there is no email to send to" })
  }
  return new StepResponse<BuiltNotice>({
    notification: {
      to: draft.to,
      channel: "email",
      template: request.template,
      data: draft.data,
      trigger_type: request.template,
      resource_type: draft.resource_type,
      resource_id: draft.resource_id,
      receiver_id: draft.receiver_id ?? null,
      idempotency_key: draft.key,
    },
    skipped: null,
  })
})
