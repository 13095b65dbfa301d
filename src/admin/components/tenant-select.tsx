import { Select } from "@medusajs/ui"
import { useErrorToast, useSalesChannels } from "../lib/queries"
import { Field } from "./form-drawer"

/** A picker of one tenant (sales channel), optionally with an "every tenant" choice first; `id` is also the trigger's test id. */
export function TenantSelect({ id, value, onChange, label = "Sales channel", all }: {
  id: string
  value: string
  onChange: (id: string) => void
  label?: string
  all?: { value: string; label: string }
}) {
  const channels = useSalesChannels()
  useErrorToast("Sales channels could not be loaded", channels.error)
  return (
    <Field id={id} label={label}>
      <Select value={value} onValueChange={onChange}>
        <Select.Trigger id={id} data-testid={id}>
          <Select.Value placeholder={channels.isLoading ? "Loading…" : "Choose a sales channel"} />
        </Select.Trigger>
        <Select.Content>
          {all && <Select.Item value={all.value}>{all.label}</Select.Item>}
          {(channels.data ?? []).map((channel) => (
            <Select.Item key={channel.id} value={channel.id}>
              {channel.name}
            </Select.Item>
          ))}
        </Select.Content>
      </Select>
    </Field>
  )
}
