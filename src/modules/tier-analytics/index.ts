import { Module } from "@medusajs/framework/utils"
import TierAnalyticsModuleService from "./service"

export const TIER_ANALYTICS_MODULE = "tier_analytics"

export default Module(TIER_ANALYTICS_MODULE, {
  service: TierAnalyticsModuleService,
})

export { TierAnalyticsModuleService }
