import { model } from "@medusajs/framework/utils"
import { ROLLOUT_ACTIONS, ROLLOUT_FEATURES } from "../../../lib/rollout"

/** One change of a feature's rollout stage: by whom (an admin, or null for the guardrail job), why, from and to. */
export const RolloutChange = model
  .define("rollout_change", {
    id: model.id({ prefix: "rlc" }).primaryKey(),
    feature: model.enum([...ROLLOUT_FEATURES]),
    action: model.enum([...ROLLOUT_ACTIONS]),
    from_percent: model.number(),
    to_percent: model.number(),
    /** Whether the stage was paused before and after the change. */
    from_paused: model.boolean().default(false),
    to_paused: model.boolean().default(false),
    reason: model.text(),
    /** The admin user; null for a rollback by the guardrails. */
    actor_id: model.text().nullable(),
    /** The guardrails' figures a rollback read. */
    figures: model.json().nullable(),
    /** When a rollback's notice went out and its event on the bus; null until then (the job retries). */
    announced_at: model.dateTime().nullable(),
  })
  .indexes([{ on: ["feature", "created_at"] }])
