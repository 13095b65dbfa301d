import { ChevronLeft, ChevronRight } from "@medusajs/icons"
import { Badge, Button, Heading, IconButton, Text } from "@medusajs/ui"
import {
  STATUS,
  WEEKDAYS,
  dayLabel,
  firstOf,
  isBookable,
  lastOf,
  monthGrid,
  monthOf,
  monthTitle,
  shift,
  type Availability,
  type CalendarDay,
  type DateStatus,
  type Month,
} from "../../lib/availability"
import { useAvailabilityCalendar, useErrorToast } from "../../lib/queries"
import { todayIn } from "../../../lib/dates"

export function MonthCalendar({ channelId, availability, month, onMonth, onPick }: {
  channelId: string
  availability: Availability
  month: Month
  onMonth: (m: Month) => void
  onPick: (day: CalendarDay) => void
}) {
  const calendar = useAvailabilityCalendar(channelId, firstOf(month), lastOf(month))
  useErrorToast("The calendar could not be loaded", calendar.error)
  const byDate = new Map((calendar.data ?? []).map((d) => [d.date, d]))
  const flagged = new Set(availability.high_demand_dates.map((d) => d.date))
  // The tenant's today, as its store counts lead time and the window.
  const today = todayIn(availability.settings.time_zone)

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
          <Button size="small" variant="transparent" onClick={() => onMonth(monthOf(today))}>
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
        {monthGrid(month).flat().map((date, i) =>
          date ? (
            <DayCell key={date} date={date} day={byDate.get(date)} flagged={flagged.has(date)} today={date === today} onPick={onPick} />
          ) : (
            <div key={`blank-${i}`} />
          )
        )}
      </div>
      {calendar.isLoading && (
        <Text size="small" className="text-ui-fg-subtle">
          Loading the month…
        </Text>
      )}
    </div>
  )
}

function DayCell({ date, day, flagged, today, onPick }: {
  date: string
  day: CalendarDay | undefined
  flagged: boolean
  today: boolean
  onPick: (day: CalendarDay) => void
}) {
  const style = day ? STATUS[day.status] : undefined
  return (
    <button
      type="button"
      role="gridcell"
      data-testid={`calendar-day-${date}`}
      data-status={day?.status ?? "loading"}
      aria-current={today ? "date" : undefined}
      aria-label={dayLabel(date, day)}
      title={day?.reason}
      disabled={!day}
      onClick={() => day && onPick(day)}
      className={[
        "flex h-20 flex-col items-start justify-between rounded-md border p-2 text-left transition-shadow",
        "hover:shadow-elevation-card-hover focus-visible:shadow-borders-interactive-with-focus outline-none",
        style?.cell ?? "bg-ui-bg-subtle border-ui-border-base",
        today ? "ring-ui-fg-interactive ring-2" : "",
      ].join(" ")}
    >
      <span className="flex w-full items-center justify-between">
        <span className="txt-compact-small-plus">{Number(date.slice(8))}</span>
        {flagged && (
          <span className="txt-compact-xsmall text-ui-tag-orange-text" title="Flagged high demand">
            ★
          </span>
        )}
      </span>
      {day && style && (
        <span className="flex w-full flex-col gap-y-0.5">
          <Badge size="2xsmall" color={style.color} className="w-fit">
            {style.label}
          </Badge>
          {isBookable(day.status) && (
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
}
