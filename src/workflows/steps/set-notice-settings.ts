import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { disabledAfter, NoticeTemplate } from "../../lib/notices"
import { NOTICES_MODULE, NoticesModuleService } from "../../modules/notices"

export type NoticeSettingsChange = {
  sales_channel_id: string
  /** Templates to turn on (true) or off (false); those not named keep their state. */
  templates?: Partial<Record<NoticeTemplate, boolean>>
  option_lapsing_hours?: number
}

type Undo = { created?: string; restore?: { id: string; disabled_templates: string[]; option_lapsing_hours: number } }

/** Creates the tenant's switches on first save, else changes them; undone either way. */
export const setNoticeSettingsStep = createStep(
  "set-notice-settings",
  async (input: NoticeSettingsChange, { container }) => {
    const service: NoticesModuleService = container.resolve(NOTICES_MODULE)
    const [existing] = await service.listNoticeSettings({ sales_channel_id: input.sales_channel_id })
    const change = {
      disabled_templates: disabledAfter(existing?.disabled_templates ?? [], input.templates ?? {}),
      ...(input.option_lapsing_hours !== undefined ? { option_lapsing_hours: input.option_lapsing_hours } : {}),
    }
    if (!existing) {
      const created = await service.createNoticeSettings({ sales_channel_id: input.sales_channel_id, ...change })
      return new StepResponse<string, Undo>(created.id, { created: created.id })
    }
    await service.updateNoticeSettings({ id: existing.id, ...change })
    const restore = { id: existing.id, disabled_templates: existing.disabled_templates, option_lapsing_hours: existing.option_lapsing_hours }
    return new StepResponse<string, Undo>(existing.id, { restore })
  },
  async (undo, { container }) => {
    const service: NoticesModuleService = container.resolve(NOTICES_MODULE)
    if (undo?.created) {
      await service.deleteNoticeSettings(undo.created)
    } else if (undo?.restore) {
      await service.updateNoticeSettings(undo.restore)
    }
  }
)
