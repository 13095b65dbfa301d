import { Button, Input, Label, RadioGroup, Switch } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { ChoiceList } from "../form-controls"
import { numberOrNull } from "../../lib/form-values"
import { allowlistForm, allowlistValue, type AllowlistForm } from "../../lib/tier-flags"
import type { TierFlags, TierFlagsState } from "../../../contract/admin"

export type FlagControls = {
  state: TierFlagsState
  set: (change: Partial<TierFlags>) => void
  saving: boolean
  channels: { id: string; name: string }[]
}

export function BooleanControl({ flagKey, label, state, set, saving }: FlagControls & { flagKey: "segments" | "upsell"; label: string }) {
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

export function RolloutControl({ state, set, saving }: FlagControls) {
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
        <Input id="flag-rollout" className="w-28" type="number" min={0} max={100} step={1} value={value} onChange={(e) => setValue(e.target.value)} />
      </div>
      <Button size="small" variant="secondary" type="submit" isLoading={saving} data-testid="save-rollout">
        Save
      </Button>
    </form>
  )
}

export function AllowlistControl({ state, set, saving, channels }: FlagControls) {
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
