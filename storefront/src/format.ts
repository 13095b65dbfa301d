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

/** "Feb 9, 2027" for a `YYYY-MM-DD` calendar date. */
export function shortDate(date: string): string {
  return new Date(`${date}T00:00:00Z`).toLocaleDateString("en-US", { year: "numeric", month: "short", day: "numeric", timeZone: "UTC" })
}

/** A plan's payments after today: "3 payments: $2,333.33 by Feb 9, 2027, $2,333.33 by Apr 14, 2027, $2,333.34 by Jun 17, 2027". */
export function scheduleText(instalments: { amount: number; due_date: string }[], currencyCode: string): string {
  return `${instalments.length} payments: ${instalments.map((i) => `${money(i.amount, currencyCode)} by ${shortDate(i.due_date)}`).join(", ")}`
}

export function percent(value: number): string {
  return `${value > 0 ? "+" : ""}${value}%`
}

export function signedMoney(amount: number, currencyCode: string): string {
  return `${amount < 0 ? "-" : "+"}${money(Math.abs(amount), currencyCode)}`
}
