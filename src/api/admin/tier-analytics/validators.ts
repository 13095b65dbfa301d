import { z } from "@medusajs/framework/zod"
import { MAX_REPORT_DAYS } from "../../../queries/reports"
import { eventDate, id, rangeLength } from "../../utils/validators"

const fields = {
  from: eventDate.optional(),
  to: eventDate.optional(),
  sales_channel_id: id.optional(),
  format: z.enum(["json", "csv"]).default("json"),
}

/** A range given whole covers at most two years; missing ends are filled from the tenant's today by the report (reportFilter). */
const validRange = (q: { from?: string; to?: string }) => !q.from || !q.to || (q.from <= q.to && rangeLength(q.from, q.to) <= MAX_REPORT_DAYS)
const rangeMessage = { message: `from must not be after to, and a report covers at most ${MAX_REPORT_DAYS} days` }

export const AdminReportQuery = z.object(fields).strict().refine(validRange, rangeMessage)
export type AdminReportQueryType = z.infer<typeof AdminReportQuery>

export const AdminRevenueReportQuery = z
  .object({ ...fields, interval: z.enum(["day", "week", "month"]).default("day") })
  .strict()
  .refine(validRange, rangeMessage)
export type AdminRevenueReportQueryType = z.infer<typeof AdminRevenueReportQuery>
