import { MedusaService } from "@medusajs/framework/utils"
import { BalanceSchedule } from "./models/balance-schedule"

/** Each order's balance schedule: the saved method, charge attempts, reminders and overdue notices. */
export default class BalancesModuleService extends MedusaService({ BalanceSchedule }) {}
