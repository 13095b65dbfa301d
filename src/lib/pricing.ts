import { roundToMinor } from "./money"

export type PriceAdjustment = {
  rule_id: string
  kind: string
  label: string
  percent: number
  amount: number
}

export type TierPrice = {
  base: number
  adjustments: PriceAdjustment[]
  final: number
  currency_code: string
}

/**
 * A tier's price for a date. Date rules are not configured yet, so the final
 * price is the base price rounded to the minor unit; the shape already carries
 * the adjustments storefronts will receive.
 */
export function priceTier(input: { base: number; currency_code: string }): TierPrice {
  return {
    base: input.base,
    adjustments: [],
    final: roundToMinor(input.base, input.currency_code),
    currency_code: input.currency_code,
  }
}
