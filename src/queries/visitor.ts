import { ConfigModule, ICachingModuleService, MedusaContainer } from "@medusajs/framework/types"
import { ContainerRegistrationKeys, FeatureFlag, MedusaError, Modules } from "@medusajs/framework/utils"
import { issueVisitorId, verifiedVisitorId } from "../lib/visitor-id"
import { UPSELL_MODULE, UpsellModuleService } from "../modules/upsell"

/** The secret visitor ids are signed with: the plugin's `visitorSecret`, else the app's cookie secret. */
export async function visitorSecret(scope: MedusaContainer): Promise<string> {
  const upsell: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const own = (await upsell.getSettings()).visitor_secret
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

/**
 * The visitor a store request speaks for: its id when the server signed it, else a fresh signed
 * one (`returning: false`), so nobody picks a bucket by picking an id.
 */
export async function requestVisitor(scope: MedusaContainer, given: unknown): Promise<{ visitor_id: string; returning: boolean }> {
  const secret = await visitorSecret(scope)
  const verified = verifiedVisitorId(given, secret)
  return verified ? { visitor_id: verified, returning: true } : { visitor_id: issueVisitorId(secret), returning: false }
}

/** The cache tag of a visitor's cached offers answers, dropped when one of its offers changes. */
export const visitorOffersTag = (visitorId: string) => `TieredVisitorOffers:${visitorId}`

/** Drops the cached offers answers of visitors whose offers were decided or redeemed. */
export async function dropVisitorOffers(scope: MedusaContainer, visitorIds: string[]): Promise<void> {
  if (!visitorIds.length || !FeatureFlag.isFeatureEnabled("caching")) {
    return
  }
  const caching = scope.resolve(Modules.CACHING, { allowUnregistered: true }) as ICachingModuleService | undefined
  await caching?.clear({ tags: [...new Set(visitorIds)].map(visitorOffersTag) })
}
