import { MedusaService } from "@medusajs/framework/utils"
import { NoticeSettings } from "./models/notice-settings"

/** The tenants' notification switches. */
class NoticesModuleService extends MedusaService({ NoticeSettings }) {}

export default NoticesModuleService
