const ZERO_DECIMAL = new Set([
  "bif", "clp", "djf", "gnf", "jpy", "kmf", "krw", "mga", "pyg", "rwf",
  "ugx", "vnd", "vuv", "xaf", "xof", "xpf", "isk",
])
const THREE_DECIMAL = new Set(["bhd", "jod", "kwd", "omr", "tnd"])

/** Digits after the decimal point in the currency's minor unit. */
export function minorDigits(currencyCode: string): number {
  const code = currencyCode.toLowerCase()
  if (ZERO_DECIMAL.has(code)) {
    return 0
  }
  return THREE_DECIMAL.has(code) ? 3 : 2
}

/** Rounds a main-unit amount to the currency's minor unit, half away from zero. */
export function roundToMinor(amount: number, currencyCode: string): number {
  const factor = 10 ** minorDigits(currencyCode)
  // toPrecision removes binary noise (1.005 * 100 = 100.49999...) before rounding.
  const scaled = Number((Math.abs(amount) * factor).toPrecision(15))
  const rounded = Math.round(scaled) / factor
  return amount < 0 && rounded !== 0 ? -rounded : rounded
}

/** An amount as a customer reads it ("$2,125.00"), for offer copy. */
export function formatMoney(amount: number, currencyCode: string): string {
  const digits = minorDigits(currencyCode)
  return new Intl.NumberFormat("en-US", {
    style: "currency",
    currency: currencyCode.toUpperCase(),
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(amount)
}
