import { z } from "@medusajs/framework/zod"
import { id } from "../../utils/validators"

export const AdminSetCommissionRates = z
  .object({
    rates: z
      .array(z.object({ segment_id: id, percent: z.number().finite().min(0).max(100).nullable() }).strict())
      .min(1)
      .max(100)
      .refine((r) => new Set(r.map((x) => x.segment_id)).size === r.length, { message: "a segment may appear once" }),
  })
  .strict()
export type AdminSetCommissionRatesType = z.infer<typeof AdminSetCommissionRates>
