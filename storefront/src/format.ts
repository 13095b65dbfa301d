import { formatMoney } from "@tiered/client"

export const money = (amount: number, currencyCode: string) => formatMoney(amount, currencyCode)

/** "Saturday, July 17, 2027" for a `YYYY-MM-DD` calendar date (read in UTC, so it never shifts a day). */
export function longDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", {
    weekday: "long",
    year: "numeric",
    month: "long",
    day: "numeric",
    timeZone: "UTC",
  })
}

export function percent(value: number): string {
  return `${value > 0 ? "+" : ""}${value}%`
}

export function signedMoney(amount: number, currencyCode: string): string {
  return `${amount < 0 ? "-" : "+"}${money(Math.abs(amount), currencyCode)}`
}
