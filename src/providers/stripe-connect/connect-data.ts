/**
 * What the server decided for a Connect payment, set on the payment session's
 * data by the store route's middleware (never by the storefront): where the
 * money goes and the platform's fee, in the currency's smallest unit.
 */
export type ConnectPaymentData = {
  destination: string
  application_fee_amount: number
  /** The payment's amount (main unit) the fee was computed for. */
  amount: number
  currency_code: string
}

export const CONNECT_DATA_KEY = "tiered_connect"

/** Medusa names a provider's sessions `pp_<identifier>_<id>`. */
export const isConnectProvider = (providerId: unknown) => typeof providerId === "string" && providerId.startsWith("pp_stripe-connect_")

/** The Connect data in a session's data, or null when absent or malformed. */
export function readConnectData(data: Record<string, unknown> | undefined | null): ConnectPaymentData | null {
  const value = data?.[CONNECT_DATA_KEY] as Partial<ConnectPaymentData> | undefined
  if (
    !value ||
    typeof value.destination !== "string" ||
    !value.destination.startsWith("acct_") ||
    !Number.isInteger(value.application_fee_amount) ||
    (value.application_fee_amount as number) < 0 ||
    typeof value.amount !== "number" ||
    typeof value.currency_code !== "string"
  ) {
    return null
  }
  return value as ConnectPaymentData
}

/** The fee for a changed amount, in proportion to the one computed (smallest unit, never above the amount). */
export function scaledFee(connect: ConnectPaymentData, amountInSmallestUnit: number, oldAmountInSmallestUnit: number): number {
  if (oldAmountInSmallestUnit <= 0) {
    return 0
  }
  return Math.min(amountInSmallestUnit, Math.round((connect.application_fee_amount * amountInSmallestUnit) / oldAmountInSmallestUnit))
}
