import { z } from "@medusajs/framework/zod"
import { unknownPlaceholders } from "../../../lib/upsell"
import { id, listParams } from "../../utils/validators"

const copy = z
  .string()
  .max(2000)
  .refine((t) => !unknownPlaceholders(t).length, { message: "unknown placeholder" })
  .nullable()
  .optional()

const variants = z
  .array(
    z
      .object({
        key: z.string().regex(/^[a-z0-9_-]{1,40}$/, "must be 1-40 lowercase letters, digits, - or _"),
        weight: z.number().positive().max(1_000_000),
        incentive_percent: z.number().min(0).max(50).nullable().optional(),
        headline: copy,
        body: copy,
        upsell_off: z.boolean().optional(),
      })
      .strict()
  )
  .min(2, "an experiment needs at least 2 variants")
  .max(10)
  .refine((v) => new Set(v.map((x) => x.key)).size === v.length, { message: "variant keys must not repeat" })

const fields = {
  key: z.string().regex(/^[a-z0-9][a-z0-9_-]{0,60}$/, "must be lowercase letters, digits, - or _"),
  name: z.string().trim().min(1).max(120),
  traffic_percent: z.number().min(0).max(100).optional(),
  variants,
  sales_channel_ids: z.array(id).max(100).optional(),
  /** Upsell rules whose offers the variants change; empty or absent = every rule. */
  rule_ids: z.array(id).max(50).optional(),
}

export const AdminCreateExperiment = z.object(fields).strict()
export type AdminCreateExperimentType = z.infer<typeof AdminCreateExperiment>

export const AdminUpdateExperiment = z
  .object(fields)
  .partial()
  .strict()
  .refine((b) => Object.keys(b).length > 0, { message: "Nothing to update" })
export type AdminUpdateExperimentType = z.infer<typeof AdminUpdateExperiment>

export const AdminListExperiments = z.object({ status: z.enum(["draft", "running", "stopped"]).optional(), ...listParams(["key", "name", "created_at", "updated_at"]) }).strict()
export type AdminListExperimentsType = z.infer<typeof AdminListExperiments>

export const AdminExperimentAssignment = z.object({ visitor_id: z.string().min(1).max(200) }).strict()
export type AdminExperimentAssignmentType = z.infer<typeof AdminExperimentAssignment>
