import { z } from "@medusajs/framework/zod"
import { visitorId } from "../../upsell/validators"

export const StoreVisitor = z.object({ visitor_id: visitorId }).strict()
export type StoreVisitorType = z.infer<typeof StoreVisitor>
