import { model } from "@medusajs/framework/utils"
import type { FlagOverrides } from "../../../lib/flags"

/** The merchant's runtime flag overrides (one row); keys absent follow the plugin options. */
export const FlagSettings = model.define("flag_settings", {
  id: model.id({ prefix: "flags" }).primaryKey(),
  overrides: model.json<FlagOverrides>().default({}),
})
