import { model } from "@medusajs/framework/utils"

/** A visitor's first assignment to a running experiment: the denominator of its results. */
export const ExperimentExposure = model
  .define("experiment_exposure", {
    id: model.id({ prefix: "expx" }).primaryKey(),
    experiment_id: model.text(),
    experiment_key: model.text(),
    variant: model.text(),
    visitor_id: model.text(),
    sales_channel_id: model.text(),
  })
  .indexes([{ on: ["experiment_id", "visitor_id"], unique: true }])
