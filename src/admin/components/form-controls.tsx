import { Alert, Checkbox, Label, Select, Switch, Text } from "@medusajs/ui"
import { errorMessage } from "../lib/form-values"

type ToggleProps = { id: string; label: string; checked: boolean; onChange: (on: boolean) => void; disabled?: boolean }

export function CheckboxItem({ id, label, checked, onChange, disabled }: ToggleProps) {
  return (
    <div className="flex items-center gap-x-2">
      <Checkbox id={id} checked={checked} disabled={disabled} onCheckedChange={(value) => onChange(value === true)} />
      <Label htmlFor={id} size="small">
        {label}
      </Label>
    </div>
  )
}

export function SwitchItem({ id, label, checked, onChange, disabled }: ToggleProps) {
  return (
    <div className="flex items-center gap-x-2">
      <Switch id={id} checked={checked} disabled={disabled} onCheckedChange={onChange} />
      <Label htmlFor={id} size="small">
        {label}
      </Label>
    </div>
  )
}

export const toggled = <T,>(list: T[], item: T, on: boolean) => (on ? [...list, item] : list.filter((x) => x !== item))

type ChoiceListProps = {
  id: string
  label: string
  hint?: string
  options: { value: string; label: string }[]
  selected: string[]
  onChange: (selected: string[]) => void
  disabled?: boolean
}

/** A multi-select as a list of checkboxes. */
export function ChoiceList({ id, label, hint, options, selected, onChange, disabled }: ChoiceListProps) {
  return (
    <div className="flex flex-col gap-y-2" role="group" aria-label={label}>
      <Label size="small" weight="plus">
        {label}
      </Label>
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
      {options.map((option) => (
        <CheckboxItem
          key={option.value}
          id={`${id}-${option.value}`}
          label={option.label}
          checked={selected.includes(option.value)}
          disabled={disabled}
          onChange={(on) => onChange(toggled(selected, option.value, on))}
        />
      ))}
    </div>
  )
}

/** The API's refusal, kept in the form while the merchant fixes it (the toast fades). */
export function FormError({ error }: { error: unknown }) {
  if (!error) return null
  return (
    <Alert variant="error" data-testid="form-error">
      {errorMessage(error)}
    </Alert>
  )
}

type RegionChoice = { id: string; name: string; currency_code: string }

/** A region by its name and currency (the currency prices what it is chosen for). */
export function RegionSelect({ id, value, onChange, regions }: { id: string; value: string; onChange: (id: string) => void; regions: RegionChoice[] }) {
  return (
    <Select value={value} onValueChange={onChange}>
      <Select.Trigger id={id} data-testid={id}>
        <Select.Value placeholder="Choose a region" />
      </Select.Trigger>
      <Select.Content>
        {regions.map((region) => (
          <Select.Item key={region.id} value={region.id}>
            {region.name} ({region.currency_code.toUpperCase()})
          </Select.Item>
        ))}
      </Select.Content>
    </Select>
  )
}
