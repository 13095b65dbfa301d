import { z } from "@medusajs/framework/zod"
import { validateBands } from "../../../lib/bands"
import { booleanString, id, listParams } from "../../utils/validators"

const money = z.number().finite().min(0, "must not be negative").max(1e12, "must be at most 1,000,000,000,000")

const priceRange = z
  .object({ min: money.nullable().optional(), max: money.nullable().optional() })
  .strict()
  .refine((r) => r.min == null || r.max == null || r.min <= r.max, {
    message: "min must not be above max",
  })

const segmentFields = {
  handle: z
    .string()
    .trim()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single dashes"),
  name: z.string().trim().min(1, "must not be empty").max(120),
  description: z.string().max(2000).nullable().optional(),
  audience: z.string().max(500).nullable().optional(),
  price_range: priceRange.nullable().optional(),
  rank: z.number().int().min(0).max(100000).optional(),
  image: z.string().url().max(2000).nullable().optional(),
  is_active: z.boolean().optional(),
  commission_percent: z.number().finite().min(0).max(100).optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
}

export const AdminCreateSegment = z.object(segmentFields).strict()
export type AdminCreateSegmentType = z.infer<typeof AdminCreateSegment>

export const AdminUpdateSegment = z
  .object(segmentFields)
  .partial()
  .strict()
  .refine((body) => Object.keys(body).length > 0, { message: "Nothing to update" })
export type AdminUpdateSegmentType = z.infer<typeof AdminUpdateSegment>

export const AdminCloneSegment = AdminCreateSegment
export type AdminCloneSegmentType = AdminCreateSegmentType

export const AdminListSegments = z
  .object({
    q: z.string().max(200).optional(),
    is_active: booleanString.optional(),
    include_archived: booleanString.optional(),
    ...listParams(["rank", "name", "handle", "created_at", "updated_at"]),
  })
  .strict()
export type AdminListSegmentsType = z.infer<typeof AdminListSegments>

export const AdminGetSegment = z.object({ include_archived: booleanString.optional() }).strict()
export type AdminGetSegmentType = z.infer<typeof AdminGetSegment>

const features = z
  .array(z.string().trim().min(1, "a feature must not be empty").max(200))
  .max(50)
  .refine((list) => new Set(list.map((f) => f.toLowerCase())).size === list.length, {
    message: "features must not repeat",
  })

export const tierFields = {
  level: z.number().int().min(1).max(99),
  name: z.string().trim().min(1, "must not be empty").max(120),
  max_guests: z.number().int().min(1).max(100000).nullable().optional(),
  features: features.optional(),
  is_popular: z.boolean().optional(),
  rank: z.number().int().min(0).max(100000).optional(),
  metadata: z.record(z.string(), z.unknown()).nullable().optional(),
}

export const AdminCreateTier = z
  .object({ ...tierFields, product_id: id.nullable().optional() })
  .strict()
export type AdminCreateTierType = z.infer<typeof AdminCreateTier>

const band = z
  .object({
    segment_handle: z.string().trim().min(1).max(100),
    below: money.nullable(),
  })
  .strict()

export const AdminBackfill = z
  .object({
    dry_run: z.boolean().default(true),
    currency_code: z
      .string()
      .regex(/^[a-zA-Z]{3}$/, "must be a 3-letter currency code")
      .transform((c) => c.toLowerCase())
      .default("usd"),
    bands: z.array(band).min(1).max(20).optional(),
    min_price: money.optional(),
    product_ids: z.array(id).min(1).max(1000).optional(),
    collection_ids: z.array(id).min(1).max(100).optional(),
    type_ids: z.array(id).min(1).max(100).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    for (const message of body.bands ? validateBands(body.bands) : []) {
      ctx.addIssue({ code: "custom", path: ["bands"], message })
    }
  })
export type AdminBackfillType = z.infer<typeof AdminBackfill>
