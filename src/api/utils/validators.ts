import { z } from "@medusajs/framework/zod"
import { DAY_MS, dateRangeProblem, isDateShaped, MAX_DATE, MAX_RANGE_DAYS, MIN_DATE, rangeLength as daysCounted, startOfDayMs } from "../../lib/dates"

export { MAX_RANGE_DAYS }

/**
 * Days from one date to another counting both ends (0 when `to` is earlier). Zod runs an
 * object's refinements even when a field failed, so a malformed date counts 0 here and its
 * own field's message stands.
 */
export function rangeLength(from: string, to: string): number {
  return isDateShaped(from) && isDateShaped(to) ? daysCounted(from, to) : 0
}

/** Query-string booleans: only "true" and "false" are accepted. */
export const booleanString = z
  .enum(["true", "false"], { message: 'must be "true" or "false"' })
  .transform((v) => v === "true")

// Medusa's error formatting drops a custom issue's field name, so the message quotes the value.
const got = (value: string) => `(got ${JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value)})`

/** A calendar date YYYY-MM-DD between 2000-01-01 and 2200-12-31 (lib/dates). */
export const eventDate = z.string().superRefine((value, ctx) => {
  const problem = dateRangeProblem(value)
  if (problem) {
    ctx.addIssue({ code: "custom", message: `${problem} ${got(value)}` })
  }
})

const EARLIEST = startOfDayMs(MIN_DATE)
const LATEST = startOfDayMs(MAX_DATE) + DAY_MS - 1

/** A point in time (ISO 8601 text, or a Date) inside the accepted date range. */
export const dateTime = z.coerce
  .date({ message: "must be a date and time, ISO 8601" })
  .refine((d) => d.getTime() >= EARLIEST && d.getTime() <= LATEST, {
    message: `must be between ${MIN_DATE} and ${MAX_DATE}`,
  })

export const id = z.string().trim().min(1, "must not be empty").max(200, "must be at most 200 characters")

export const pagination = {
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
}

/**
 * A list's query as Medusa's list routes take it: `limit` and `offset` (bounded), and `order`
 * as a field name, `-` first for descending (`order=-created_at`), among the fields given.
 */
export function listParams(orderFields: [string, ...string[]]) {
  const orders = orderFields.flatMap((field) => [field, `-${field}`]) as [string, ...string[]]
  return { ...pagination, order: z.enum(orders).optional() }
}

/**
 * The query config of a list route (Medusa's `validateAndTransformQuery`): the fields it reads
 * and its page, so the route takes `req.queryConfig` as core routes do.
 */
export const listQueryConfig = (fields: string[] = []) => ({ isList: true, defaultLimit: 20, defaults: fields })

/** The list's order: the one asked for, else the route's default. */
export const listOrder = (
  pagination: { order?: Record<string, unknown> },
  fallback: Record<string, "ASC" | "DESC">
) => (pagination.order && Object.keys(pagination.order).length ? pagination.order : fallback) as Record<string, "ASC" | "DESC">
