import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { withTenant } from "../../telemetry"
import { keyChannels } from "./cart-tenant"

/** The rest of a store request runs in a context that names its tenant, for the spans it starts. */
export function traceTenant(req: MedusaRequest, _res: MedusaResponse, next: MedusaNextFunction) {
  withTenant(keyChannels(req), next)
}
