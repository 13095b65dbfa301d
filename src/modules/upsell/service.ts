import { MedusaService } from "@medusajs/framework/utils"
import { UpsellRule } from "./models/upsell-rule"

/** Upsell rules now; offers, experiments and flags land with the rest of the upsell engine. */
export default class UpsellModuleService extends MedusaService({
  UpsellRule,
}) {}
