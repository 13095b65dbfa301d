import { MedusaService } from "@medusajs/framework/utils"
import { DepositPolicy } from "./models/deposit-policy"
import { PaymentPlan } from "./models/payment-plan"

/** Tenants' deposit policies and the payment plans of their orders. */
export default class DepositsModuleService extends MedusaService({ DepositPolicy, PaymentPlan }) {}
