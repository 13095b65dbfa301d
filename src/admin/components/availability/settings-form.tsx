import { Button, Input } from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { Field } from "../form-drawer"
import { CheckboxItem } from "../form-controls"
import { updateAvailability } from "../../lib/api"
import { SETTING_FIELDS, settingsFormValues, settingsPayload, timeZoneNames, type AvailabilitySettings } from "../../lib/availability"
import { changedFields } from "../../lib/form-values"
import { sendIfChanged, useAdminMutation } from "../../lib/queries"

export function SettingsForm({ channelId, settings }: { channelId: string; settings: AvailabilitySettings }) {
  const initial = settingsFormValues(settings)
  const [values, setValues] = useState(initial)
  const save = useAdminMutation(updateAvailability, "Availability settings saved")
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const before = settingsPayload(initial)
    const after = settingsPayload(values)
    sendIfChanged(before, after, () => {}, () =>
      save.mutate({ channelId, body: { settings: changedFields(before, after) } })
    )
  }
  return (
    <form noValidate onSubmit={submit} className="flex flex-col gap-y-4 px-6 py-4" data-testid="availability-settings">
      <div className="grid grid-cols-1 gap-4 md:grid-cols-4">
        {SETTING_FIELDS.map(({ key, label, hint, kind }) => (
          <Field key={key} id={`setting-${key}`} label={label} hint={hint}>
            {kind === "boolean" ? (
              <CheckboxItem
                id={`setting-${key}`}
                label="Allowed"
                checked={values[key] === "true"}
                onChange={(on) => setValues({ ...values, [key]: String(on) })}
              />
            ) : (
              <Input
                id={`setting-${key}`}
                type={kind === "time_zone" ? "text" : "number"}
                min={kind === "time_zone" ? undefined : 0}
                list={kind === "time_zone" ? "time-zone-names" : undefined}
                value={values[key]}
                onChange={(e) => setValues({ ...values, [key]: e.target.value })}
              />
            )}
          </Field>
        ))}
      </div>
      <datalist id="time-zone-names">
        {timeZoneNames().map((name) => (
          <option key={name} value={name} />
        ))}
      </datalist>
      <div className="flex justify-end">
        <Button size="small" type="submit" isLoading={save.isPending} data-testid="save-settings">
          Save settings
        </Button>
      </div>
    </form>
  )
}
