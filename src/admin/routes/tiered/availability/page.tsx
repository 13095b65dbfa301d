import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CalendarSolid, ChevronLeft, ChevronRight, Trash } from "@medusajs/icons"
import {
  Badge,
  Button,
  Container,
  Drawer,
  Heading,
  IconButton,
  Input,
  Table,
  Text,
  usePrompt,
} from "@medusajs/ui"
import { useQuery } from "@tanstack/react-query"
import { useState, type FormEvent, type ReactNode } from "react"
import { Field, FormDrawer } from "../../../components/form-drawer"
import { changedFields, errorMessage, numberOrNull } from "../../../lib/form-values"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { TenantSelect } from "../../../components/tenant-select"
import { TierRepairsSection } from "../../../components/tier-repairs-section"
import { queryKeys, sendIfChanged, useAdminMutation, useErrorToast } from "../../../lib/queries"
import { sdk } from "../../../lib/sdk"

// ---- the API's shapes (README "Availability") ----

type DateStatus = "available" | "limited" | "sold_out" | "blackout" | "unavailable"

type Settings = {
  capacity_per_date: number
  min_lead_days: number
  max_advance_days: number | null
  high_demand_threshold: number
}

type Blackout = { id: string; start_date: string; end_date: string; reason: string | null }
type HighDemandDate = { id: string; date: string; note: string | null }

type Availability = {
  settings: Settings & { sales_channel_id: string }
  blackouts: Blackout[]
  high_demand_dates: HighDemandDate[]
}

type CalendarDate = { date: string; status: DateStatus; remaining: number; booked: number; reason?: string }

type AvailabilityChange = {
  settings?: Partial<Settings>
  add_blackouts?: { start_date: string; end_date?: string; reason?: string | null }[]
  remove_blackout_ids?: string[]
  add_high_demand_dates?: { date: string; note?: string | null }[]
  remove_high_demand_date_ids?: string[]
}

const getAvailability = (channelId: string) =>
  sdk.client
    .fetch<{ availability: Availability }>(`/admin/availability/${channelId}`)
    .then((r) => r.availability)

const getCalendar = (channelId: string, from: string, to: string) =>
  sdk.client
    .fetch<{ dates: CalendarDate[] }>(`/admin/availability/${channelId}/calendar`, { query: { from, to } })
    .then((r) => r.dates)

const updateAvailability = ({ channelId, body }: { channelId: string; body: AvailabilityChange }) =>
  sdk.client
    .fetch<{ availability: Availability }>(`/admin/availability/${channelId}`, { method: "POST", body })
    .then((r) => r.availability)

// Under the shared root, so every admin write refreshes the settings and the calendar.
const availabilityKeys = {
  availability: (channelId: string) => [...queryKeys.root, "availability", channelId] as const,
  calendar: (channelId: string, from: string, to: string) =>
    [...queryKeys.root, "availability", channelId, "calendar", { from, to }] as const,
}

// ---- dates, all in UTC like the API ("today, UTC, is day 0") ----

type Month = { year: number; month: number } // month 0-11

const pad = (n: number) => String(n).padStart(2, "0")
const isoDate = (year: number, month: number, day: number) => `${year}-${pad(month + 1)}-${pad(day)}`
const daysIn = ({ year, month }: Month) => new Date(Date.UTC(year, month + 1, 0)).getUTCDate()
const firstOf = (m: Month) => isoDate(m.year, m.month, 1)
const lastOf = (m: Month) => isoDate(m.year, m.month, daysIn(m))
const shift = ({ year, month }: Month, by: number): Month => {
  const d = new Date(Date.UTC(year, month + by, 1))
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() }
}
const thisMonth = (): Month => {
  const now = new Date()
  return { year: now.getUTCFullYear(), month: now.getUTCMonth() }
}
const todayUtc = () => new Date().toISOString().slice(0, 10)
const monthTitle = ({ year, month }: Month) =>
  new Date(Date.UTC(year, month, 1)).toLocaleDateString(undefined, { month: "long", year: "numeric", timeZone: "UTC" })

const WEEKDAYS = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

/** The month's dates in rows of seven, Sunday first (the API's weekday 0), padded with nulls. */
function monthGrid(m: Month): (string | null)[][] {
  const lead = new Date(Date.UTC(m.year, m.month, 1)).getUTCDay()
  const cells: (string | null)[] = [
    ...Array<null>(lead).fill(null),
    ...Array.from({ length: daysIn(m) }, (_, i) => isoDate(m.year, m.month, i + 1)),
  ]
  while (cells.length % 7) cells.push(null)
  return Array.from({ length: cells.length / 7 }, (_, row) => cells.slice(row * 7, row * 7 + 7))
}

const STATUS: Record<DateStatus, { label: string; color: "green" | "orange" | "red" | "purple" | "grey"; cell: string }> = {
  available: { label: "Available", color: "green", cell: "bg-ui-tag-green-bg border-ui-tag-green-border" },
  limited: { label: "Limited", color: "orange", cell: "bg-ui-tag-orange-bg border-ui-tag-orange-border" },
  sold_out: { label: "Sold out", color: "red", cell: "bg-ui-tag-red-bg border-ui-tag-red-border" },
  blackout: { label: "Blackout", color: "purple", cell: "bg-ui-tag-purple-bg border-ui-tag-purple-border" },
  unavailable: { label: "Unavailable", color: "grey", cell: "bg-ui-bg-disabled border-ui-border-base text-ui-fg-disabled" },
}


// ---- settings ----

type SettingsFormValues = Record<keyof Settings, string>

const settingsFormValues = (s: Settings): SettingsFormValues => ({
  capacity_per_date: String(s.capacity_per_date),
  min_lead_days: String(s.min_lead_days),
  max_advance_days: s.max_advance_days == null ? "" : String(s.max_advance_days),
  high_demand_threshold: String(s.high_demand_threshold),
})

// Empty capacity/lead/threshold is sent as NaN for the API to refuse; empty advance means no limit.
const settingsPayload = (v: SettingsFormValues): Settings => ({
  capacity_per_date: numberOrNull(v.capacity_per_date) ?? NaN,
  min_lead_days: numberOrNull(v.min_lead_days) ?? NaN,
  max_advance_days: numberOrNull(v.max_advance_days),
  high_demand_threshold: numberOrNull(v.high_demand_threshold) ?? NaN,
})

const SETTING_FIELDS: { key: keyof Settings; label: string; hint: string }[] = [
  { key: "capacity_per_date", label: "Capacity per date", hint: "Bookings a date can take." },
  { key: "min_lead_days", label: "Minimum lead days", hint: "0 lets shoppers book today." },
  { key: "max_advance_days", label: "Maximum advance days", hint: "Empty: no limit." },
  { key: "high_demand_threshold", label: "High-demand threshold", hint: "Remaining at or under this shows as limited; 0 = flagged dates only." },
]

function SettingsForm({ channelId, settings }: { channelId: string; settings: Settings }) {
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
        {SETTING_FIELDS.map(({ key, label, hint }) => (
          <Field key={key} id={`setting-${key}`} label={label} hint={hint}>
            <Input
              id={`setting-${key}`}
              type="number"
              min={0}
              value={values[key]}
              onChange={(e) => setValues({ ...values, [key]: e.target.value })}
            />
          </Field>
        ))}
      </div>
      <div className="flex justify-end">
        <Button size="small" type="submit" isLoading={save.isPending} data-testid="save-settings">
          Save settings
        </Button>
      </div>
    </form>
  )
}

// ---- the calendar ----

function MonthCalendar({ channelId, availability, month, onMonth, onPick }: {
  channelId: string
  availability: Availability
  month: Month
  onMonth: (m: Month) => void
  onPick: (day: CalendarDate) => void
}) {
  const from = firstOf(month)
  const to = lastOf(month)
  const calendar = useQuery({
    queryKey: availabilityKeys.calendar(channelId, from, to),
    queryFn: () => getCalendar(channelId, from, to),
  })
  useErrorToast("The calendar could not be loaded", calendar.error)
  const byDate = new Map((calendar.data ?? []).map((d) => [d.date, d]))
  const flagged = new Set(availability.high_demand_dates.map((d) => d.date))
  const today = todayUtc()

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="availability-calendar">
      <div className="flex items-center justify-between">
        <div className="flex items-center gap-x-2">
          <IconButton size="small" variant="transparent" aria-label="Previous month" onClick={() => onMonth(shift(month, -1))}>
            <ChevronLeft />
          </IconButton>
          <Heading level="h3" className="min-w-[160px] text-center" data-testid="calendar-month">
            {monthTitle(month)}
          </Heading>
          <IconButton size="small" variant="transparent" aria-label="Next month" onClick={() => onMonth(shift(month, 1))}>
            <ChevronRight />
          </IconButton>
          <Button size="small" variant="transparent" onClick={() => onMonth(thisMonth())}>
            Today
          </Button>
        </div>
        <div className="flex flex-wrap gap-1">
          {(Object.keys(STATUS) as DateStatus[]).map((status) => (
            <Badge key={status} size="2xsmall" color={STATUS[status].color}>
              {STATUS[status].label}
            </Badge>
          ))}
        </div>
      </div>
      <div className="grid grid-cols-7 gap-1" role="grid" aria-label={`Availability in ${monthTitle(month)}`}>
        {WEEKDAYS.map((name) => (
          <div key={name} role="columnheader" className="txt-compact-xsmall-plus text-ui-fg-subtle py-1 text-center">
            {name}
          </div>
        ))}
        {monthGrid(month).flat().map((date, i) => {
          if (!date) return <div key={`blank-${i}`} />
          const day = byDate.get(date)
          const style = day ? STATUS[day.status] : undefined
          return (
            <button
              key={date}
              type="button"
              role="gridcell"
              data-testid={`calendar-day-${date}`}
              data-status={day?.status ?? "loading"}
              aria-label={`${date}: ${style?.label ?? "loading"}${day && day.status !== "unavailable" && day.status !== "blackout" ? `, ${day.remaining} left` : ""}`}
              title={day?.reason}
              disabled={!day}
              onClick={() => day && onPick(day)}
              className={[
                "flex h-20 flex-col items-start justify-between rounded-md border p-2 text-left transition-shadow",
                "hover:shadow-elevation-card-hover focus-visible:shadow-borders-interactive-with-focus outline-none",
                style?.cell ?? "bg-ui-bg-subtle border-ui-border-base",
                date === today ? "ring-ui-fg-interactive ring-2" : "",
              ].join(" ")}
            >
              <span className="flex w-full items-center justify-between">
                <span className="txt-compact-small-plus">{Number(date.slice(8))}</span>
                {flagged.has(date) && (
                  <span className="txt-compact-xsmall text-ui-tag-orange-text" title="Flagged high demand">
                    ★
                  </span>
                )}
              </span>
              {day && (
                <span className="flex w-full flex-col gap-y-0.5">
                  <Badge size="2xsmall" color={style!.color} className="w-fit">
                    {style!.label}
                  </Badge>
                  {(day.status === "available" || day.status === "limited") && (
                    <span className="txt-compact-xsmall text-ui-fg-subtle" data-testid="remaining">
                      {day.remaining} left
                    </span>
                  )}
                  {day.booked > 0 && (
                    <span className="txt-compact-xsmall text-ui-fg-subtle" data-testid="booked">
                      {day.booked} booked
                    </span>
                  )}
                  {day.status === "blackout" && day.reason && (
                    <span className="txt-compact-xsmall text-ui-fg-subtle truncate w-full">{day.reason}</span>
                  )}
                </span>
              )}
            </button>
          )
        })}
      </div>
      {calendar.isLoading && (
        <Text size="small" className="text-ui-fg-subtle">
          Loading the month…
        </Text>
      )}
    </div>
  )
}

// ---- one date: black out, flag, remove ----

function DateDrawer({ channelId, availability, day, onClose }: {
  channelId: string
  availability: Availability
  day: CalendarDate
  onClose: () => void
}) {
  const [endDate, setEndDate] = useState(day.date)
  const [reason, setReason] = useState("")
  const [note, setNote] = useState("")
  const blackOut = useAdminMutation(updateAvailability, "Dates blacked out")
  const flag = useAdminMutation(updateAvailability, "Date flagged high demand")
  const unblock = useAdminMutation(updateAvailability, "Blackout removed")
  const unflag = useAdminMutation(updateAvailability, "High-demand flag removed")
  const covering = availability.blackouts.filter((b) => b.start_date <= day.date && day.date <= b.end_date)
  const flags = availability.high_demand_dates.filter((d) => d.date === day.date)
  const send = (mutation: typeof blackOut, body: AvailabilityChange) =>
    mutation.mutate({ channelId, body }, { onSuccess: onClose })
  const style = STATUS[day.status]

  return (
    <FormDrawer open onOpenChange={(open) => !open && onClose()} title={day.date} testId="date-drawer">
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        <div className="flex items-center gap-x-2">
          <Badge color={style.color}>{style.label}</Badge>
          {(day.status === "available" || day.status === "limited") && (
            <Text size="small" className="text-ui-fg-subtle">
              {day.remaining} booking(s) left
            </Text>
          )}
          <Text size="small" className="text-ui-fg-subtle" data-testid="booked-count">
            {day.booked} booked
          </Text>
        </div>

        <Section title="Blackout">
          {covering.map((b) => (
            <div key={b.id} className="flex items-center justify-between gap-x-2" data-testid="date-blackout">
              <Text size="small">
                {b.start_date === b.end_date ? b.start_date : `${b.start_date} – ${b.end_date}`}
                {b.reason ? `: ${b.reason}` : ""}
              </Text>
              <Button
                size="small"
                variant="secondary"
                isLoading={unblock.isPending}
                onClick={() => send(unblock, { remove_blackout_ids: [b.id] })}
              >
                Remove blackout
              </Button>
            </div>
          ))}
          {covering.length === 0 && (
            <>
              <Field id="blackout-end" label="Until (inclusive)" hint="Leave as is to black out this date only.">
                <Input id="blackout-end" type="date" min={day.date} value={endDate} onChange={(e) => setEndDate(e.target.value)} />
              </Field>
              <Field id="blackout-reason" label="Reason" hint="Storefronts show it to shoppers.">
                <Input id="blackout-reason" value={reason} onChange={(e) => setReason(e.target.value)} />
              </Field>
              <Button
                size="small"
                variant="secondary"
                className="w-fit"
                isLoading={blackOut.isPending}
                data-testid="black-out"
                onClick={() =>
                  send(blackOut, {
                    add_blackouts: [{ start_date: day.date, end_date: endDate || day.date, reason: reason.trim() || null }],
                  })
                }
              >
                Black out
              </Button>
            </>
          )}
        </Section>

        <Section title="High demand">
          {flags.map((f) => (
            <div key={f.id} className="flex items-center justify-between gap-x-2" data-testid="date-flag">
              <Text size="small">Flagged{f.note ? `: ${f.note}` : ""}</Text>
              <Button
                size="small"
                variant="secondary"
                isLoading={unflag.isPending}
                onClick={() => send(unflag, { remove_high_demand_date_ids: [f.id] })}
              >
                Remove flag
              </Button>
            </div>
          ))}
          {flags.length === 0 && (
            <>
              <Field id="flag-note" label="Note" hint="For your team; shoppers see the date as limited.">
                <Input id="flag-note" value={note} onChange={(e) => setNote(e.target.value)} />
              </Field>
              <Button
                size="small"
                variant="secondary"
                className="w-fit"
                isLoading={flag.isPending}
                data-testid="flag-high-demand"
                onClick={() => send(flag, { add_high_demand_dates: [{ date: day.date, note: note.trim() || null }] })}
              >
                Flag high demand
              </Button>
            </>
          )}
        </Section>
      </Drawer.Body>
    </FormDrawer>
  )
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-3">
      <Heading level="h3">{title}</Heading>
      {children}
    </div>
  )
}

// ---- blackout ranges and flags ----

function BlackoutList({ channelId, availability }: { channelId: string; availability: Availability }) {
  const remove = useAdminMutation(updateAvailability, "Blackout removed")
  const unflag = useAdminMutation(updateAvailability, "High-demand flag removed")
  const prompt = usePrompt()
  const confirmRemove = async (b: Blackout) => {
    const confirmed = await prompt({
      title: "Remove this blackout?",
      description: `${b.start_date} – ${b.end_date} becomes bookable again.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate({ channelId, body: { remove_blackout_ids: [b.id] } })
  }
  return (
    <div className="grid grid-cols-1 gap-6 px-6 py-4 lg:grid-cols-2">
      <div className="flex flex-col gap-y-2" data-testid="blackout-list">
        <Heading level="h3">Blackouts</Heading>
        {availability.blackouts.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            No blackouts.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>From</Table.HeaderCell>
                <Table.HeaderCell>To</Table.HeaderCell>
                <Table.HeaderCell>Reason</Table.HeaderCell>
                <Table.HeaderCell className="w-12" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {availability.blackouts.map((b) => (
                <Table.Row key={b.id} data-testid="blackout-row">
                  <Table.Cell>{b.start_date}</Table.Cell>
                  <Table.Cell>{b.end_date}</Table.Cell>
                  <Table.Cell>{b.reason ?? <span className="text-ui-fg-muted">—</span>}</Table.Cell>
                  <Table.Cell>
                    <IconButton size="small" variant="transparent" aria-label={`Remove blackout from ${b.start_date}`} onClick={() => confirmRemove(b)}>
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
      <div className="flex flex-col gap-y-2" data-testid="high-demand-list">
        <Heading level="h3">High-demand dates</Heading>
        {availability.high_demand_dates.length === 0 ? (
          <Text size="small" className="text-ui-fg-subtle">
            No flagged dates.
          </Text>
        ) : (
          <Table>
            <Table.Header>
              <Table.Row>
                <Table.HeaderCell>Date</Table.HeaderCell>
                <Table.HeaderCell>Note</Table.HeaderCell>
                <Table.HeaderCell className="w-12" />
              </Table.Row>
            </Table.Header>
            <Table.Body>
              {availability.high_demand_dates.map((d) => (
                <Table.Row key={d.id} data-testid="high-demand-row">
                  <Table.Cell>{d.date}</Table.Cell>
                  <Table.Cell>{d.note ?? <span className="text-ui-fg-muted">—</span>}</Table.Cell>
                  <Table.Cell>
                    <IconButton
                      size="small"
                      variant="transparent"
                      aria-label={`Remove high-demand flag from ${d.date}`}
                      onClick={() => unflag.mutate({ channelId, body: { remove_high_demand_date_ids: [d.id] } })}
                    >
                      <Trash />
                    </IconButton>
                  </Table.Cell>
                </Table.Row>
              ))}
            </Table.Body>
          </Table>
        )}
      </div>
    </div>
  )
}

// ---- the page ----


function ChannelAvailability({ channelId }: { channelId: string }) {
  const [month, setMonth] = useState(thisMonth)
  const [picked, setPicked] = useState<CalendarDate | null>(null)
  const availability = useQuery({
    queryKey: availabilityKeys.availability(channelId),
    queryFn: () => getAvailability(channelId),
  })
  useErrorToast("Availability could not be loaded", availability.error)

  if (availability.isLoading) return <Message>Loading availability…</Message>
  if (!availability.data) return <Message>Availability could not be loaded: {errorMessage(availability.error)}</Message>
  return (
    <>
      <div className="px-6 pt-4">
        <Heading level="h2">Settings</Heading>
      </div>
      <SettingsForm key={JSON.stringify(availability.data.settings)} channelId={channelId} settings={availability.data.settings} />
      <MonthCalendar
        channelId={channelId}
        availability={availability.data}
        month={month}
        onMonth={setMonth}
        onPick={setPicked}
      />
      <BlackoutList channelId={channelId} availability={availability.data} />
      <TierRepairsSection channelId={channelId} />
      {picked && (
        <DateDrawer
          key={picked.date}
          channelId={channelId}
          availability={availability.data}
          day={picked}
          onClose={() => setPicked(null)}
        />
      )}
    </>
  )
}

const AvailabilityPage = () => {
  const [channelId, setChannelId] = useState("")

  return (
    <Container className="divide-y p-0">
      <PageHeader
        title="Availability"
        description="Each storefront's capacity per date, booking window, blackouts and high-demand dates, and what the booking check repaired or flagged."
        alignEnd
      >
        <div className="w-72">
          <TenantSelect id="availability-channel" value={channelId} onChange={setChannelId} />
        </div>
      </PageHeader>
      {channelId ? (
        <ChannelAvailability key={channelId} channelId={channelId} />
      ) : (
        <Message>Choose a sales channel to see and edit its availability.</Message>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Availability",
  icon: CalendarSolid,
  rank: 3,
})

export default AvailabilityPage
