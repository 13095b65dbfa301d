import { z } from "@medusajs/framework/zod"
import { eventDate, id } from "../../utils/validators"

export const AdminRescheduleBooking = z.object({ line_item_id: id, event_date: eventDate }).strict()
export type AdminRescheduleBookingType = z.infer<typeof AdminRescheduleBooking>
