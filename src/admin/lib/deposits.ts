import type { DepositPolicy, DepositPolicyPayload } from "../../contract/admin"

/** A deposit row of the Commission & payouts page as typed: the tenant's default or a segment's override. */
export type DepositFormValues = {
  kind: "percent" | "fixed"
  value: string
  currency_code: string
  balance_due_days: string
  deposit_refundable: boolean
  balance_refundable_days: string
  /** Payments the balance is split into (the tenant's default only). */
  instalments: string
}

export function depositFormValues(policy: DepositPolicy | null | undefined): DepositFormValues {
  return {
    kind: policy?.kind ?? "percent",
    value: policy ? String(policy.value) : "",
    currency_code: policy?.currency_code?.toUpperCase() ?? "",
    balance_due_days: String(policy?.balance_due_days ?? 30),
    deposit_refundable: policy?.deposit_refundable ?? false,
    balance_refundable_days: String(policy?.balance_refundable_days ?? 30),
    instalments: String(policy?.instalments ?? 1),
  }
}

/** The request body of a row; the API validates the numbers (text that is no number is refused here, not sent as null). */
export function depositPayload(values: DepositFormValues, segmentId: string | null): { payload: DepositPolicyPayload } | { problem: string } {
  const number = (text: string) => (text.trim() === "" ? NaN : Number(text))
  const value = number(values.value)
  const due = number(values.balance_due_days)
  const refundableDays = number(values.balance_refundable_days)
  if (!Number.isFinite(value)) return { problem: values.kind === "percent" ? "Enter the deposit's percent." : "Enter the deposit's amount." }
  if (!Number.isFinite(due)) return { problem: "Enter the days before the event the balance is due." }
  if (!Number.isFinite(refundableDays)) return { problem: "Enter the days before the event the balance stays refundable." }
  const instalments = number(values.instalments)
  if (!segmentId && !Number.isFinite(instalments)) return { problem: "Enter how many payments the balance is split into." }
  return {
    payload: {
      segment_id: segmentId,
      kind: values.kind,
      value,
      currency_code: values.kind === "fixed" ? values.currency_code.trim() || null : null,
      balance_due_days: due,
      deposit_refundable: values.deposit_refundable,
      balance_refundable_days: refundableDays,
      ...(segmentId ? {} : { instalments }),
    },
  }
}

/** How a policy reads in the table: "30% now, balance 30 days before". */
export function describeDeposit(policy: DepositPolicy | null | undefined): string {
  if (!policy) return "Paid in full at checkout"
  const now = policy.kind === "percent" ? `${policy.value}%` : `${policy.value} ${policy.currency_code?.toUpperCase()}`
  const split = (policy.instalments ?? 1) > 1 ? ` in ${policy.instalments} payments,` : ""
  return `${now} at checkout, balance${split} ${policy.balance_due_days} days before the event`
}
