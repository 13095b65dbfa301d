import { Module } from "@medusajs/framework/utils"
import UpsellModuleService from "./service"

export const UPSELL_MODULE = "upsell"

export default Module(UPSELL_MODULE, {
  service: UpsellModuleService,
})

export { UpsellModuleService }
export type { ExposureInput, ShownOfferInput } from "./service"
