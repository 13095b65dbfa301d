import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaContainer } from "@medusajs/framework/types"
import { Flags } from "../../../lib/flags"
import { UPSELL_MODULE, UpsellModuleService } from "../../../modules/upsell"
import { setFlagOverridesWorkflow } from "../../../workflows/set-flag-overrides"
import { AdminResetFlagsType, AdminSetFlagsType } from "./validators"
import type { TierFlagsState } from "../../../contract/admin"

async function flagsAnswer(scope: MedusaContainer) {
  const service: UpsellModuleService = scope.resolve(UPSELL_MODULE)
  const [flags, overrides] = await Promise.all([service.getFlags(), service.getFlagOverrides()])
  return { flags, defaults: (await service.getSettings()).flags, overrides }
}

export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<TierFlagsState>) => {
  res.json(await flagsAnswer(req.scope))
}

export const POST = async (req: AuthenticatedMedusaRequest<AdminSetFlagsType>, res: MedusaResponse<TierFlagsState>) => {
  await setFlagOverridesWorkflow(req.scope).run({ input: { set: req.validatedBody, actor_id: req.auth_context.actor_id } })
  res.json(await flagsAnswer(req.scope))
}

export const DELETE = async (req: AuthenticatedMedusaRequest<unknown, AdminResetFlagsType>, res: MedusaResponse<TierFlagsState>) => {
  const { key } = req.validatedQuery
  await setFlagOverridesWorkflow(req.scope).run({ input: { reset: key ? [key as keyof Flags] : "all", actor_id: req.auth_context.actor_id } })
  res.json(await flagsAnswer(req.scope))
}
