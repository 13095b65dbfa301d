import { MedusaContainer } from "@medusajs/framework/types"
import { UPSELL_MODULE, UpsellModuleService } from "../modules/upsell"
import { cachedRead } from "./store-cache"

const iso = (at: Date | string | null) => (at ? new Date(at).toISOString() : null)

/** The active upsell rules (windows as ISO strings) and the running experiments, oldest first; cached. */
export async function loadUpsellSetup(scope: MedusaContainer) {
  const service: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  return cachedRead(scope, "upsell", {}, async () => ({
    rules: (await service.listUpsellRules({ is_active: true })).map((r) => ({ ...r, starts_at: iso(r.starts_at), ends_at: iso(r.ends_at) })),
    experiments: await service.listExperiments({ status: "running" }, { order: { started_at: "ASC" } }),
  }))
}
