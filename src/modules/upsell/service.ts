import { MedusaService } from "@medusajs/framework/utils"

/** Registered now so links and options can refer to it; rules and experiments land with the upsell engine. */
export default class UpsellModuleService extends MedusaService({}) {}
