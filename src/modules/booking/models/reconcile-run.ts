import { model } from "@medusajs/framework/utils"

/** One pass of the reconciler: when, why, how far it looked and what it repaired. */
export const ReconcileRun = model
  .define("reconcile_run", {
    id: model.id({ prefix: "brun" }).primaryKey(),
    trigger: model.enum(["boot", "schedule", "admin", "test"]),
    started_at: model.dateTime(),
    finished_at: model.dateTime().nullable(),
    /** Orders created up to this moment were checked; the next run starts a little before it. */
    checked_until: model.dateTime().nullable(),
    orders_checked: model.number().default(0),
    repairs: model.number().default(0),
    error: model.text().nullable(),
  })
  .indexes([{ on: ["finished_at"] }])
