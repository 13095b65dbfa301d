import { z } from "@medusajs/framework/zod"
import { booleanString, eventDate, id, MAX_RANGE_DAYS, listParams, rangeLength } from "../../utils/validators"
import { tierFields } from "../segments/validators"

export const AdminUpdateTier = z
  .object({ ...tierFields, segment_id: id })
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Nothing to update" })
export type AdminUpdateTierType = z.infer<typeof AdminUpdateTier>

export const AdminListTiers = z
  .object({
    segment_id: z.union([id, z.array(id)]).optional(),
    product_id: z.union([id, z.array(id)]).optional(),
    include_archived: booleanString.optional(),
    ...listParams(["level", "name", "rank", "created_at", "updated_at"]),
  })
  .strict()
export type AdminListTiersType = z.infer<typeof AdminListTiers>

export const AdminArchiveTiers = z
  .object({
    ids: z
      .array(id)
      .min(1, "give at least one tier id")
      .max(200)
      .refine((ids) => new Set(ids).size === ids.length, { message: "ids must not repeat" }),
  })
  .strict()
export type AdminArchiveTiersType = z.infer<typeof AdminArchiveTiers>

export const AdminAssignTierProduct = z.object({ product_id: id }).strict()
export type AdminAssignTierProductType = z.infer<typeof AdminAssignTierProduct>

export const AdminPricePreview = z
  .object({ region_id: id, from: eventDate, to: eventDate })
  .strict()
  .refine((q) => q.from <= q.to, { message: "from must not be after to" })
  .refine((q) => rangeLength(q.from, q.to) <= MAX_RANGE_DAYS, { message: `at most ${MAX_RANGE_DAYS} days a call` })
export type AdminPricePreviewType = z.infer<typeof AdminPricePreview>
