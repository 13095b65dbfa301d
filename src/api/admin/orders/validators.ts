import { z } from "@medusajs/framework/zod"
import { MAX_PAYMENT, OFFLINE_METHODS } from "../../../lib/balances"
import { eventDate, id } from "../../utils/validators"

export const AdminRescheduleBooking = z.object({ line_item_id: id, event_date: eventDate }).strict()
export type AdminRescheduleBookingType = z.infer<typeof AdminRescheduleBooking>

const note = z.string().trim().max(500, "must be at most 500 characters")

export const AdminRecordOfflinePayment = z
  .object({
    amount: z.number().positive("must be more than 0").max(MAX_PAYMENT, `must be at most ${MAX_PAYMENT}`),
    method: z.enum(OFFLINE_METHODS),
    reference: note.max(200, "must be at most 200 characters").optional(),
    note: note.optional(),
  })
  .strict()
export type AdminRecordOfflinePaymentType = z.infer<typeof AdminRecordOfflinePayment>

export const AdminSendPaymentLink = z.object({}).strict()
