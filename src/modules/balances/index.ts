import { Module } from "@medusajs/framework/utils"
import BalancesModuleService from "./service"

export const BALANCES_MODULE = "balances"

export default Module(BALANCES_MODULE, {
  service: BalancesModuleService,
})

export { BalancesModuleService }
