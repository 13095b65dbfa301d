import { z } from "@medusajs/framework/zod"
import { MAX_OPTION_LAPSING_HOURS, NOTICE_TEMPLATES } from "../../../lib/notices"

/** Templates named are turned on (true) or off (false); an unknown name is refused. */
export const AdminUpdateNoticeSettings = z
  .object({
    templates: z
      .object(Object.fromEntries(NOTICE_TEMPLATES.map((t) => [t, z.boolean().optional()])) as Record<(typeof NOTICE_TEMPLATES)[number], z.ZodOptional<z.ZodBoolean>>)
      .strict()
      .optional(),
    option_lapsing_hours: z.number().int().min(1).max(MAX_OPTION_LAPSING_HOURS).optional(),
  })
  .strict()

export type AdminUpdateNoticeSettingsType = z.infer<typeof AdminUpdateNoticeSettings>
