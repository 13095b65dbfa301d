import { Module } from "@medusajs/framework/utils"
import DepositsModuleService from "./service"

export const DEPOSITS_MODULE = "deposits"

export default Module(DEPOSITS_MODULE, {
  service: DepositsModuleService,
})

export { DepositsModuleService }
