import { z } from "@medusajs/framework/zod"
import { isCalendarDate } from "../../lib/dates"

/** Query-string booleans: only "true" and "false" are accepted. */
export const booleanString = z
  .enum(["true", "false"], { message: 'must be "true" or "false"' })
  .transform((v) => v === "true")

export const eventDate = z
  .string()
  .refine(isCalendarDate, { message: "must be a calendar date written YYYY-MM-DD" })

export const id = z.string().trim().min(1, "must not be empty")

export const pagination = {
  limit: z.coerce.number().int().min(1).max(200).default(20),
  offset: z.coerce.number().int().min(0).default(0),
}

export const MAX_RANGE_DAYS = 366

/** Whole days from one YYYY-MM-DD to another, inclusive of both. */
export function rangeLength(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1
}
