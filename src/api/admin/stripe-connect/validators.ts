import { z } from "@medusajs/framework/zod"

export const AdminConnectAccount = z
  .object({
    /** Where Stripe sends the merchant back (default: the plugin option, else the admin's Connect page). */
    return_url: z.string().url().max(2000).optional(),
    refresh_url: z.string().url().max(2000).optional(),
  })
  .strict()
export type AdminConnectAccountType = z.infer<typeof AdminConnectAccount>
