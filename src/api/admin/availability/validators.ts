import { z } from "@medusajs/framework/zod"
import { isTimeZone } from "../../../lib/dates"
import { eventDate, id, MAX_RANGE_DAYS, rangeLength } from "../../utils/validators"

const count = z.number().int().min(0).max(10000)

/** An IANA time zone name the server knows ("Europe/Paris", "Pacific/Kiritimati", "UTC"). */
const timeZone = z
  .string()
  .max(64)
  .refine(isTimeZone, { message: "time_zone must be an IANA time zone name such as Europe/Paris" })

export const AdminUpdateAvailability = z
  .object({
    settings: z
      .object({
        capacity_per_date: count.min(1).optional(),
        min_lead_days: count.optional(),
        max_advance_days: count.nullable().optional(),
        high_demand_threshold: count.optional(),
        hold_minutes: z.number().int().min(1).max(1440).optional(),
        time_zone: timeZone.optional(),
        allow_customer_reschedule: z.boolean().optional(),
        reschedule_notice_days: count.optional(),
      })
      .strict()
      .optional(),
    add_blackouts: z
      .array(
        z
          .object({ start_date: eventDate, end_date: eventDate.optional(), reason: z.string().max(500).nullable().optional() })
          .strict()
          .transform((b) => ({ ...b, end_date: b.end_date ?? b.start_date }))
          .refine((b) => b.start_date <= b.end_date, { message: "start_date must not be after end_date" })
      )
      .max(100)
      .optional(),
    remove_blackout_ids: z.array(id).max(100).optional(),
    add_high_demand_dates: z
      .array(z.object({ date: eventDate, note: z.string().max(500).nullable().optional() }).strict())
      .max(366)
      .optional(),
    remove_high_demand_date_ids: z.array(id).max(366).optional(),
    capacity_override: z.object({ product_id: id, capacity: count.min(1).nullable() }).strict().optional(),
  })
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Nothing to update" })
export type AdminUpdateAvailabilityType = z.infer<typeof AdminUpdateAvailability>

export const AdminAvailabilityCalendar = z
  .object({ from: eventDate, to: eventDate, product_id: id.optional() })
  .strict()
  .refine((q) => q.from <= q.to, { message: "from must not be after to" })
  .refine((q) => rangeLength(q.from, q.to) <= MAX_RANGE_DAYS, { message: `at most ${MAX_RANGE_DAYS} days a call` })
export type AdminAvailabilityCalendarType = z.infer<typeof AdminAvailabilityCalendar>

export const AdminDateBookings = z.object({ date: eventDate }).strict()
export type AdminDateBookingsType = z.infer<typeof AdminDateBookings>

const hours = z.number().int().min(1).max(2160)

export const AdminCreateDateOption = z
  .object({
    event_date: eventDate,
    tier_id: id,
    client_name: z.string().trim().min(1, "must not be empty").max(200),
    client_email: z.string().trim().max(320).email(),
    note: z.string().max(2000).nullable().optional(),
    expires_in_hours: hours,
  })
  .strict()
export type AdminCreateDateOptionType = z.infer<typeof AdminCreateDateOption>

export const AdminExtendDateOption = z.object({ expires_in_hours: hours }).strict()
export type AdminExtendDateOptionType = z.infer<typeof AdminExtendDateOption>

export const AdminDateOptions = z
  .object({ from: eventDate, to: eventDate })
  .strict()
  .refine((q) => q.from <= q.to, { message: "from must not be after to" })
  .refine((q) => rangeLength(q.from, q.to) <= MAX_RANGE_DAYS, { message: `at most ${MAX_RANGE_DAYS} days a call` })
export type AdminDateOptionsType = z.infer<typeof AdminDateOptions>

export const AdminReleaseDateOption = z.object({}).strict()

export const AdminConvertDateOption = z.object({ region_id: id }).strict()
export type AdminConvertDateOptionType = z.infer<typeof AdminConvertDateOption>
