import { z } from "@medusajs/framework/zod"
import { eventDate, id } from "../../utils/validators"

export const StoreListSegments = z.object({ region_id: id }).strict()
export type StoreListSegmentsType = z.infer<typeof StoreListSegments>

export const StoreGetSegment = z.object({ region_id: id, event_date: eventDate.optional() }).strict()
export type StoreGetSegmentType = z.infer<typeof StoreGetSegment>
