import { Badge, Button, Drawer, Heading, Input, Text } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Field, FormDrawer } from "../form-drawer"
import { DateOptionsSection } from "./date-options-section"
import { updateAvailability } from "../../lib/api"
import { Link } from "react-router-dom"
import { STATUS, blackoutsOn, dateBookingText, flagsOn, isBookable, type Availability, type AvailabilityChange, type CalendarDay } from "../../lib/availability"
import { useAdminMutation, useDateBookings } from "../../lib/queries"

/** One date: black it out, flag it high demand, or remove either. */
export function DateDrawer({ channelId, availability, day, onClose }: {
  channelId: string
  availability: Availability
  day: CalendarDay
  onClose: () => void
}) {
  const [endDate, setEndDate] = useState(day.date)
  const [reason, setReason] = useState("")
  const [note, setNote] = useState("")
  const blackOut = useAdminMutation(updateAvailability, "Dates blacked out")
  const flag = useAdminMutation(updateAvailability, "Date flagged high demand")
  const unblock = useAdminMutation(updateAvailability, "Blackout removed")
  const unflag = useAdminMutation(updateAvailability, "High-demand flag removed")
  const covering = blackoutsOn(availability, day.date)
  const flags = flagsOn(availability, day.date)
  const send = (mutation: typeof blackOut, body: AvailabilityChange) =>
    mutation.mutate({ channelId, body }, { onSuccess: onClose })
  const style = STATUS[day.status]

  return (
    <FormDrawer open onOpenChange={(open) => !open && onClose()} title={day.date} testId="date-drawer">
      <Drawer.Body className="flex flex-1 flex-col gap-y-6 overflow-y-auto">
        <div className="flex items-center gap-x-2">
          <Badge color={style.color}>{style.label}</Badge>
          {isBookable(day.status) && (
            <Text size="small" className="text-ui-fg-subtle">
              {day.remaining} booking(s) left
            </Text>
          )}
          <Text size="small" className="text-ui-fg-subtle" data-testid="booked-count">
            {day.booked} booked{day.held ? ` (${day.held} held in carts)` : ""}
          </Text>
        </div>

        <DrawerSection title="Bookings and holds">
          <DateBookingList channelId={channelId} date={day.date} />
        </DrawerSection>

        <DrawerSection title="Options">
          <DateOptionsSection channelId={channelId} date={day.date} />
        </DrawerSection>

        <DrawerSection title="Blackout">
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
        </DrawerSection>

        <DrawerSection title="High demand">
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
        </DrawerSection>
      </Drawer.Body>
    </FormDrawer>
  )
}

/** The date's bookings (with a link to each order), checkout claims and carts' live holds. */
function DateBookingList({ channelId, date }: { channelId: string; date: string }) {
  const bookings = useDateBookings(channelId, date)
  if (bookings.isLoading) return <Text size="small" className="text-ui-fg-subtle">Loading…</Text>
  if (bookings.error) return <Text size="small" className="text-ui-fg-error">The bookings could not be loaded</Text>
  if (!bookings.data?.length) return <Text size="small" className="text-ui-fg-subtle">Nothing booked or held on this date.</Text>
  return (
    <ul className="flex flex-col gap-y-2" data-testid="date-bookings">
      {bookings.data.map((b) => {
        const text = dateBookingText(b)
        return (
          <li key={b.id} className="flex items-start justify-between gap-x-2 rounded-md border border-ui-border-base px-3 py-2" data-testid="date-booking">
            <div className="flex flex-col">
              <Text size="small" weight="plus">
                {b.order_id ? <Link to={`/orders/${b.order_id}`} className="text-ui-fg-interactive hover:underline">{text.title}</Link> : text.title}
              </Text>
              {text.detail && <Text size="xsmall" className="text-ui-fg-subtle">{text.detail}</Text>}
            </div>
            <Badge size="2xsmall" color={b.status === "held" ? "blue" : b.status === "pending" ? "orange" : "green"}>
              {text.status}
            </Badge>
          </li>
        )
      })}
    </ul>
  )
}

function DrawerSection({ title, children }: { title: string; children: ReactNode }) {
  return (
    <div className="flex flex-col gap-y-3">
      <Heading level="h3">{title}</Heading>
      {children}
    </div>
  )
}
