import { Button, Heading, Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { setNoticeSettings } from "../../lib/api"
import { errorMessage } from "../../lib/form-values"
import { lapsingHours, MAX_OPTION_LAPSING_HOURS, NOTICE_LABELS, NOTICE_TEMPLATES } from "../../lib/notices"
import { useAdminMutation, useErrorToast, useNoticeSettings } from "../../lib/queries"
import { SwitchItem } from "../form-controls"

/** The tenant's notifications: each template on or off, and how long before an option lapses its client is warned. */
export function NotificationsSection({ channelId }: { channelId: string }) {
  const settings = useNoticeSettings(channelId)
  useErrorToast("Notification settings could not be loaded", settings.error)
  const save = useAdminMutation(setNoticeSettings, "Notification settings saved")
  const [hours, setHours] = useState<string | null>(null)
  const data = settings.data
  const typed = hours ?? String(data?.option_lapsing_hours ?? "")
  const validHours = lapsingHours(typed)

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="notification-settings">
      <Heading level="h2">Notifications</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        Emails this storefront sends through the app&apos;s notification provider. A notification turned off is not sent
        while it is off.
      </Text>
      {data ? (
        <>
          {NOTICE_TEMPLATES.map((template) => (
            <div key={template} className="flex flex-col gap-y-0.5">
              <SwitchItem
                id={`notice-${template}`}
                label={NOTICE_LABELS[template].label}
                checked={data.templates[template]}
                disabled={save.isPending}
                onChange={(on) => save.mutate({ channelId, body: { templates: { [template]: on } } })}
              />
              <Text size="xsmall" className="text-ui-fg-muted pl-10">
                Sent {NOTICE_LABELS[template].when}.
              </Text>
            </div>
          ))}
          <div className="flex items-end gap-x-2">
            <div className="flex flex-col gap-y-1">
              <Label htmlFor="notice-lapsing-hours" size="small">
                Warn a client this many hours before their option lapses (1-{MAX_OPTION_LAPSING_HOURS})
              </Label>
              <Input id="notice-lapsing-hours" className="w-28" type="number" min={1} max={MAX_OPTION_LAPSING_HOURS} value={typed} onChange={(e) => setHours(e.target.value)} />
            </div>
            <Button
              size="small"
              variant="secondary"
              disabled={validHours === null || validHours === data.option_lapsing_hours}
              isLoading={save.isPending}
              onClick={() => validHours !== null && save.mutate({ channelId, body: { option_lapsing_hours: validHours } }, { onSuccess: () => setHours(null) })}
              data-testid="save-lapsing-hours"
            >
              Save
            </Button>
          </div>
        </>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          {settings.isLoading ? "Loading the notification settings…" : `The notification settings could not be loaded: ${errorMessage(settings.error)}`}
        </Text>
      )}
    </div>
  )
}
