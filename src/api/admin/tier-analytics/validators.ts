import { z } from "@medusajs/framework/zod"
import { addDays, maxDate, MIN_DATE, todayUtc } from "../../../lib/dates"
import { eventDate, id, rangeLength } from "../../utils/validators"

export const MAX_REPORT_DAYS = 731

const fields = {
  from: eventDate.optional(),
  to: eventDate.optional(),
  sales_channel_id: id.optional(),
  format: z.enum(["json", "csv"]).default("json"),
}

/** The 30 days up to today (UTC) unless a range is given; a range covers at most two years. */
const withRange = <T extends { from?: string; to?: string }>(q: T) => {
  const to = q.to ?? todayUtc()
  return { ...q, to, from: q.from ?? maxDate(addDays(to, -29), MIN_DATE) }
}
const validRange = (q: { from: string; to: string }) => q.from <= q.to && rangeLength(q.from, q.to) <= MAX_REPORT_DAYS
const rangeMessage = { message: `from must not be after to, and a report covers at most ${MAX_REPORT_DAYS} days` }

export const AdminReportQuery = z.object(fields).strict().transform(withRange).refine(validRange, rangeMessage)
export type AdminReportQueryType = z.infer<typeof AdminReportQuery>

export const AdminRevenueReportQuery = z
  .object({ ...fields, interval: z.enum(["day", "week", "month"]).default("day") })
  .strict()
  .transform(withRange)
  .refine(validRange, rangeMessage)
export type AdminRevenueReportQueryType = z.infer<typeof AdminRevenueReportQuery>
