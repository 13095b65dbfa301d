import { Module } from "@medusajs/framework/utils"
import NoticesModuleService from "./service"

export const NOTICES_MODULE = "notices"

export default Module(NOTICES_MODULE, {
  service: NoticesModuleService,
})

export { NoticesModuleService }
