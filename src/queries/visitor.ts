import { ConfigModule, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, MedusaError } from "@medusajs/framework/utils"
import { UPSELL_MODULE, UpsellModuleService } from "../modules/upsell"

/** The secret visitor ids are signed with: the plugin's `visitorSecret`, else the app's cookie secret. */
export function visitorSecret(scope: MedusaContainer): string {
  const upsell: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const own = upsell.getSettings().visitor_secret
  if (own) {
    return own
  }
  const config: ConfigModule = scope.resolve(ContainerRegistrationKeys.CONFIG_MODULE)
  const cookieSecret = config.projectConfig.http.cookieSecret
  if (!cookieSecret) {
    throw new MedusaError(
      MedusaError.Types.INVALID_ARGUMENT,
      "Visitor ids need a secret: set the plugin option visitorSecret or projectConfig.http.cookieSecret"
    )
  }
  return cookieSecret
}
