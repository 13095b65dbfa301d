import { MedusaService } from "@medusajs/framework/utils"
import { Experiment } from "./models/experiment"
import { UpsellRule } from "./models/upsell-rule"

/** Upsell rules and experiments; offers and flags land with the rest of the upsell engine. */
export default class UpsellModuleService extends MedusaService({
  UpsellRule,
  Experiment,
}) {}
