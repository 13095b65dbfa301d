import { Badge, Button, Text } from "@medusajs/ui"
import type { ReactNode } from "react"
import { FLAGS, flagValueText, isOverridden } from "../../lib/tier-flags"
import type { TierFlagKey, TierFlagsState } from "../../../contract/admin"

/** One flag: its name, whether it is overridden, its value and default, its control and its reset. */
export function FlagRow({ flagKey, state, channelName, onReset, resetting, children }: {
  flagKey: TierFlagKey
  state: TierFlagsState
  channelName: (id: string) => string
  onReset: () => void
  resetting: boolean
  children: ReactNode
}) {
  const flag = FLAGS.find((f) => f.key === flagKey)
  const overridden = isOverridden(state, flagKey)
  return (
    <div className="grid grid-cols-1 gap-4 px-6 py-4 md:grid-cols-[1fr_1fr_auto]" data-testid={`flag-${flagKey}`}>
      <div className="flex flex-col gap-y-1">
        <div className="flex items-center gap-x-2">
          <Text size="small" weight="plus">
            {flag?.label}
          </Text>
          <Badge size="2xsmall" color={overridden ? "orange" : "grey"} data-testid="flag-source">
            {overridden ? "Overridden" : "Default"}
          </Badge>
        </div>
        <Text size="small" className="text-ui-fg-subtle">
          {flag?.description}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          Now: <span data-testid="flag-value">{flagValueText(flagKey, state.flags[flagKey], channelName)}</span> · default:{" "}
          {flagValueText(flagKey, state.defaults[flagKey], channelName)}
        </Text>
      </div>
      <div>{children}</div>
      <div>
        <Button size="small" variant="secondary" disabled={!overridden} isLoading={resetting} onClick={onReset}>
          Reset to default
        </Button>
      </div>
    </div>
  )
}
