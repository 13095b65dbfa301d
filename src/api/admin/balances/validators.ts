import { z } from "@medusajs/framework/zod"
import { id, pagination } from "../../utils/validators"

export const AdminListBalances = z
  .object({
    sales_channel_id: id.optional(),
    status: z.enum(["due", "overdue"]).optional(),
    format: z.enum(["json", "csv"]).default("json"),
    ...pagination,
  })
  .strict()
export type AdminListBalancesType = z.infer<typeof AdminListBalances>
