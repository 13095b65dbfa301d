import { MedusaRequest } from "@medusajs/framework/http"
import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { feedPath } from "../../lib/calendar-feed"

/**
 * The address the request reached this server at (Medusa trusts one proxy's X-Forwarded-Proto):
 * the admin asks through the server's public address, and calendar apps fetch the feed there.
 */
function requestOrigin(req: MedusaRequest): string {
  try {
    return new URL(`${req.protocol}://${req.get("host") ?? ""}`).origin
  } catch {
    return "http://localhost"
  }
}

/** A tenant's feed URL, as the admin shows it for subscribing. */
export function feedUrl(req: MedusaRequest, token: string): string {
  return `${requestOrigin(req)}${feedPath(token)}`
}

/** Where Medusa serves its admin (`admin.path`, /app by default) on this server. */
export function adminUrl(req: MedusaRequest): string {
  const config = req.scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  return `${requestOrigin(req)}${config.admin?.path ?? "/app"}`
}
