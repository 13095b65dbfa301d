import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Adjustments } from "@medusajs/icons"
import { Badge, Button, Container, Input, Label, RadioGroup, Switch, Text, usePrompt } from "@medusajs/ui"
import { useState, type FormEvent, type ReactNode } from "react"
import { ChoiceList } from "../../../components/form-controls"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { resetTierFlags, setTierFlags } from "../../../lib/api"
import { errorMessage, numberOrNull } from "../../../lib/form-values"
import { useAdminMutation, useErrorToast, useSalesChannels, useTierFlags } from "../../../lib/queries"
import { FLAGS, allowlistForm, allowlistValue, flagValueText, isOverridden, type AllowlistForm } from "../../../lib/tier-flags"
import type { TierFlagKey, TierFlags, TierFlagsState } from "../../../lib/types"

type FlagControls = {
  state: TierFlagsState
  set: (change: Partial<TierFlags>) => void
  saving: boolean
  channels: { id: string; name: string }[]
}

function FlagRow({ flagKey, state, channelName, onReset, resetting, children }: {
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

function BooleanControl({ flagKey, label, state, set, saving }: FlagControls & { flagKey: "segments" | "upsell"; label: string }) {
  return (
    <div className="flex items-center gap-x-2">
      <Switch
        id={`flag-${flagKey}-switch`}
        checked={state.flags[flagKey]}
        disabled={saving}
        onCheckedChange={(on) => set({ [flagKey]: on })}
      />
      <Label htmlFor={`flag-${flagKey}-switch`} size="small">
        {label}
      </Label>
    </div>
  )
}

function RolloutControl({ state, set, saving }: FlagControls) {
  const [value, setValue] = useState(String(state.flags.upsell_rollout_percent))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    set({ upsell_rollout_percent: numberOrNull(value) ?? NaN })
  }
  return (
    <form className="flex items-end gap-x-2" onSubmit={submit}>
      <div className="flex flex-col gap-y-2">
        <Label htmlFor="flag-rollout" size="small">
          Rollout %
        </Label>
        <Input id="flag-rollout" className="w-28" type="number" min={0} max={100} step="any" value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <Button size="small" variant="secondary" type="submit" isLoading={saving} data-testid="save-rollout">
        Save
      </Button>
    </form>
  )
}

function AllowlistControl({ state, set, saving, channels }: FlagControls) {
  const [form, setForm] = useState<AllowlistForm>(() => allowlistForm(state.flags.tenant_allowlist))
  const submit = (event: FormEvent) => {
    event.preventDefault()
    set({ tenant_allowlist: allowlistValue(form) })
  }
  return (
    <form className="flex flex-col gap-y-3" onSubmit={submit}>
      <RadioGroup
        value={form.every ? "every" : "only"}
        onValueChange={(v) => setForm({ ...form, every: v === "every" })}
        aria-label="Tenants"
        className="flex gap-x-4"
      >
        {(
          [
            ["every", "Every tenant"],
            ["only", "Only these tenants"],
          ] as const
        ).map(([value, label]) => (
          <div key={value} className="flex items-center gap-x-2">
            <RadioGroup.Item value={value} id={`flag-allowlist-${value}`} />
            <Label htmlFor={`flag-allowlist-${value}`} size="small">
              {label}
            </Label>
          </div>
        ))}
      </RadioGroup>
      {!form.every && (
        <ChoiceList
          id="flag-allowlist-channel"
          label="Allowed tenants"
          hint="None ticked: no tenant."
          options={channels.map((c) => ({ value: c.id, label: c.name }))}
          selected={form.ids}
          onChange={(ids) => setForm({ ...form, ids })}
        />
      )}
      <div>
        <Button size="small" variant="secondary" type="submit" isLoading={saving} data-testid="save-allowlist">
          Save
        </Button>
      </div>
    </form>
  )
}

const TierFlagsPage = () => {
  const flags = useTierFlags()
  const channels = useSalesChannels()
  const set = useAdminMutation(setTierFlags, "Flags saved")
  const reset = useAdminMutation(resetTierFlags, "Flag reset to its default")
  const resetAll = useAdminMutation(() => resetTierFlags(), "Every flag reset to its default")
  const [resettingKey, setResettingKey] = useState<TierFlagKey | null>(null)
  const prompt = usePrompt()
  useErrorToast("Flags could not be loaded", flags.error)
  useErrorToast("Sales channels could not be loaded", channels.error)

  const list = channels.data ?? []
  const channelName = (id: string) => list.find((c) => c.id === id)?.name ?? id
  const state = flags.data

  const confirmResetAll = async () => {
    const confirmed = await prompt({
      title: "Reset every flag?",
      description: "Every flag goes back to the plugin options' value.",
      confirmText: "Reset",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed) resetAll.mutate(undefined)
  }

  const row = (key: TierFlagKey, control: ReactNode) =>
    state && (
      <FlagRow
        key={key}
        flagKey={key}
        state={state}
        channelName={channelName}
        resetting={reset.isPending && resettingKey === key}
        onReset={() => {
          setResettingKey(key)
          reset.mutate(key)
        }}
      >
        {control}
      </FlagRow>
    )

  const controls = state && { state, set: (change: Partial<TierFlags>) => set.mutate(change), saving: set.isPending, channels: list }
  // Remounted on every server answer, so a reset shows the default in the inputs.
  const version = JSON.stringify(state?.flags)

  return (
    <Container className="divide-y p-0">
      <PageHeader
        title="Tier flags"
        description="Switch the storefront features at runtime. Defaults come from the plugin options; a change here applies at once."
      >
        <Button
          size="small"
          variant="secondary"
          disabled={!state || Object.keys(state.overrides).length === 0}
          isLoading={resetAll.isPending}
          onClick={confirmResetAll}
          data-testid="reset-all-flags"
        >
          Reset all to defaults
        </Button>
      </PageHeader>
      {flags.isLoading && <Message>Loading flags…</Message>}
      {flags.isError && <Message>Flags could not be loaded: {errorMessage(flags.error)}</Message>}
      {controls && (
        <>
          {row("segments", <BooleanControl {...controls} flagKey="segments" label="Tiered catalog on" />)}
          {row("upsell", <BooleanControl {...controls} flagKey="upsell" label="Upsell offers on" />)}
          {row("upsell_rollout_percent", <RolloutControl key={version} {...controls} />)}
          {row("tenant_allowlist", <AllowlistControl key={version} {...controls} />)}
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Tier flags",
  icon: Adjustments,
  rank: 8,
})

export default TierFlagsPage
