import { z } from "@medusajs/framework/zod"
import { MAX_PACKAGE_DAYS } from "../../../lib/availability"
import { validateBands } from "../../../lib/bands"
import type { FeatureValue, TierFeature } from "../../../lib/comparison"
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

/**
 * Parses with the schema for the input's type (string, number, boolean, object), so a mistake is
 * reported by that schema: a union would answer "Field ... is required" for any of them.
 */
function byType<T>(schemas: Partial<Record<"string" | "number" | "boolean" | "object", z.ZodType<T>>>, message: string) {
  return z.unknown().transform((input, ctx): T => {
    const type = input === null || Array.isArray(input) ? "other" : typeof input
    const schema = schemas[type as keyof typeof schemas]
    if (!schema) {
      ctx.addIssue({ code: "custom", message })
      return z.NEVER
    }
    const parsed = schema.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ ...issue, input: undefined } as Parameters<typeof ctx.addIssue>[0])
      }
      return z.NEVER
    }
    return parsed.data
  })
}

/** An optional short text: blank is none. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullable()
    .optional()
    .transform((v) => v || null)

const valuedFeature = z
  .object({
    key: z
      .string()
      .trim()
      .min(1, "a feature key must not be empty")
      .max(100)
      .regex(/^[a-z0-9]+(?:[-_][a-z0-9]+)*$/, "a feature key is lowercase letters and digits, words joined by single dashes or underscores"),
    label: z.string().trim().min(1, "a feature label must not be empty").max(200),
    group: optionalText(100),
    value: byType<FeatureValue>(
      {
        string: z.string().trim().min(1, "a feature value must not be empty").max(200),
        number: z.number().finite().min(0, "a feature value must not be negative").max(1e9),
        boolean: z.boolean(),
      },
      "a feature value is a text, a number or true/false"
    ),
    unit: optionalText(40),
  })
  .strict()

const tierFeature = byType<TierFeature>(
  { string: z.string().trim().min(1, "a feature must not be empty").max(200), object: valuedFeature },
  "a feature is a text or an object { key, label, value, group?, unit? }"
)

/** Plain strings and valued features (README "Tier features"): at most 50, no key and no name twice in a tier. */
const features = z
  .array(tierFeature)
  .max(50)
  .superRefine((list, ctx) => {
    const keys = new Set<string>()
    const names = new Set<string>()
    list.forEach((feature, index) => {
      const key = typeof feature === "string" ? feature : feature.key
      const name = (typeof feature === "string" ? feature : feature.label).toLowerCase()
      if (keys.has(key)) {
        ctx.addIssue({ code: "custom", path: [index], message: `feature key ${key} must not repeat in a tier` })
      } else if (names.has(name)) {
        ctx.addIssue({ code: "custom", path: [index], message: "features must not repeat" })
      }
      keys.add(key)
      names.add(name)
    })
  })

export const tierFields = {
  level: z.number().int().min(1).max(99),
  name: z.string().trim().min(1, "must not be empty").max(120),
  max_guests: z.number().int().min(1).max(100000).nullable().optional(),
  days: z.number().int().min(1).max(MAX_PACKAGE_DAYS).optional(),
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
