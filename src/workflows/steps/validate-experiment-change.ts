import { MedusaError } from "@medusajs/framework/utils"
import { createStep } from "@medusajs/framework/workflows-sdk"
import { UPSELL_MODULE, UpsellModuleService } from "../../modules/upsell"

export type ExperimentChange = {
  id?: string
  key?: string
  variants?: unknown
  status?: "draft" | "running" | "stopped"
}

const NEXT: Record<string, string[]> = { draft: ["running"], running: ["stopped"], stopped: [] }

/**
 * Keys are unique; a running or stopped experiment's key and variants are
 * frozen, so its results always describe one design; status only moves
 * draft -> running -> stopped.
 */
export const validateExperimentChangeStep = createStep(
  "validate-experiment-change",
  async (change: ExperimentChange, { container }) => {
    const service: UpsellModuleService = container.resolve(UPSELL_MODULE)
    const current = change.id ? await service.retrieveExperiment(change.id) : null
    if (change.key && change.key !== current?.key) {
      const [taken] = await service.listExperiments({ key: change.key }, { select: ["id"] })
      if (taken) {
        throw new MedusaError(MedusaError.Types.INVALID_DATA, `Experiment key "${change.key}" is already used`)
      }
    }
    if (!current) {
      return
    }
    if (current.status !== "draft" && (change.variants !== undefined || change.key !== undefined)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Experiment ${current.key} is ${current.status}: its key and variants cannot change; stop it and start a new one`
      )
    }
    if (change.status && change.status !== current.status && !NEXT[current.status].includes(change.status)) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        `Experiment ${current.key} cannot go from ${current.status} to ${change.status}`
      )
    }
  }
)
