import type { DateAvailability, DateStatus, StoreTier } from "@tiered/client"
import { KeyboardEvent, useEffect, useRef, useState } from "react"
import { problem, sdk } from "../api"
import { PriceBreakdown } from "../components/PriceBreakdown"
import { ErrorNotice, StepHeading } from "../components/StepHeading"
import { addDays, daysOf, monthOf, monthTitle, todayUtc, weekday } from "../dates"
import { longDate } from "../format"

const STATUS_LABEL: Record<DateStatus, string> = {
  available: "Available",
  limited: "Limited (high demand)",
  held: "On hold",
  sold_out: "Sold out",
  blackout: "Blackout",
  unavailable: "Unavailable",
}
const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
const KEY_STEPS: Record<string, number> = { ArrowLeft: -1, ArrowRight: 1, ArrowUp: -7, ArrowDown: 7 }

export const bookable = (day?: DateAvailability) => day?.status === "available" || day?.status === "limited"

function cellText(day?: DateAvailability) {
  switch (day?.status) {
    case "limited":
      return `${day.remaining} left`
    case "held":
      return "On hold"
    case "sold_out":
      return "Sold out"
    case "blackout":
      return "Closed"
    default:
      return ""
  }
}

function describe(day: DateAvailability) {
  // A held date may free up when its hold lapses: say when, in the couple's own clock.
  const until = day.held_until ? ` until ${new Date(day.held_until).toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" })}` : ""
  return `${STATUS_LABEL[day.status]}${until}${day.reason ? ` (${day.reason})` : ""}`
}

export function DateStep(props: {
  tier: StoreTier
  date: string | null
  focus: boolean
  busy: boolean
  error: string | null
  /** Changes when the store refused a date, so the calendar reads the statuses again. */
  reloadToken: number
  onSelect: (date: string) => void
  onContinue: () => void
  onBack: () => void
}) {
  const today = todayUtc()
  const [month, setMonth] = useState(() => monthOf(props.date ?? addDays(today, 14)))
  const [days, setDays] = useState<Record<string, DateAvailability>>({})
  const [loading, setLoading] = useState(true)
  const [loadError, setLoadError] = useState<string | null>(null)
  const [focused, setFocused] = useState(() => props.date ?? `${month}-01`)
  const [refusal, setRefusal] = useState<string | null>(null)
  const buttons = useRef(new Map<string, HTMLButtonElement>())
  const movedByKey = useRef(false)

  useEffect(() => {
    let live = true
    const range = daysOf(month)
    setLoading(true)
    setLoadError(null)
    sdk.tiered.tiers
      .availability(props.tier.id, { from: range[0], to: range[range.length - 1] })
      .then(({ dates }) => live && setDays((known) => ({ ...known, ...Object.fromEntries(dates.map((d) => [d.date, d])) })))
      .catch((error) => live && setLoadError(problem(error)))
      .finally(() => live && setLoading(false))
    return () => {
      live = false
    }
  }, [props.tier.id, month, props.reloadToken])

  useEffect(() => {
    if (movedByKey.current) {
      movedByKey.current = false
      buttons.current.get(focused)?.focus()
    }
  }, [focused, month])

  const monthDays = daysOf(month)
  const tabStop = monthDays.includes(focused) ? focused : monthDays.includes(props.date ?? "") ? props.date! : monthDays[0]
  const firstMonth = monthOf(today)
  const lastMonth = monthOf(today, 24)
  const selected = props.date ? days[props.date] : undefined

  const moveTo = (date: string) => {
    const target = monthOf(date)
    if (target < firstMonth || target > lastMonth) return
    movedByKey.current = true
    setMonth(target)
    setFocused(date)
  }

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, date: string) => {
    const step = KEY_STEPS[event.key]
    let target: string | null = step ? addDays(date, step) : null
    if (event.key === "Home") target = addDays(date, -weekday(date))
    if (event.key === "End") target = addDays(date, 6 - weekday(date))
    if (event.key === "PageUp" || event.key === "PageDown") {
      const other = daysOf(monthOf(date, event.key === "PageUp" ? -1 : 1))
      target = other[Math.min(Number(date.slice(8)) - 1, other.length - 1)]
    }
    if (target) {
      event.preventDefault()
      moveTo(target)
    }
  }

  const pick = (date: string) => {
    const day = days[date]
    setFocused(date)
    if (bookable(day)) {
      setRefusal(null)
      props.onSelect(date)
    } else {
      setRefusal(day ? `${longDate(date)} cannot be booked: ${describe(day).toLowerCase()}. Please choose another date.` : "This month is still loading.")
    }
  }

  const blanks = weekday(monthDays[0])
  const weeks: (string | null)[][] = []
  const cells = [...Array<null>(blanks).fill(null), ...monthDays]
  for (let i = 0; i < cells.length; i += 7) {
    weeks.push([...cells.slice(i, i + 7), ...Array<null>(Math.max(0, 7 - cells.slice(i, i + 7).length)).fill(null)])
  }

  return (
    <section aria-labelledby="step-date">
      <StepHeading id="step-date" focus={props.focus}>
        Choose your date
      </StepHeading>
      <p className="lead">
        {props.tier.name} takes one booking a date. Dates in high demand are marked; the price follows the season and how far ahead you book.
      </p>
      <div className="calendar" aria-busy={loading}>
        <div className="calendar-header">
          <button type="button" className="button icon" aria-label="Previous month" disabled={month <= firstMonth} onClick={() => setMonth(monthOf(`${month}-01`, -1))}>
            ‹
          </button>
          <h3 id="calendar-month" aria-live="polite">
            {monthTitle(month)}
          </h3>
          <button type="button" className="button icon" aria-label="Next month" disabled={month >= lastMonth} onClick={() => setMonth(monthOf(`${month}-01`, 1))}>
            ›
          </button>
        </div>
        <table role="grid" aria-labelledby="calendar-month" aria-describedby="calendar-help">
          <thead>
            <tr>
              {WEEKDAYS.map((name) => (
                <th key={name} scope="col" abbr={name}>
                  {name.slice(0, 3)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeks.map((week, w) => (
              <tr key={w}>
                {week.map((date, d) =>
                  date ? (
                    <td key={date} aria-selected={props.date === date}>
                      <button
                        type="button"
                        ref={(el) => {
                          if (el) buttons.current.set(date, el)
                          else buttons.current.delete(date)
                        }}
                        data-date={date}
                        className={`day status-${days[date]?.status ?? "loading"}${props.date === date ? " is-selected" : ""}`}
                        tabIndex={date === tabStop ? 0 : -1}
                        aria-disabled={!bookable(days[date])}
                        aria-pressed={props.date === date}
                        aria-label={`${longDate(date)}: ${days[date] ? describe(days[date]) : "loading"}`}
                        onClick={() => pick(date)}
                        onKeyDown={(e) => onKeyDown(e, date)}
                      >
                        <span className="day-number">{Number(date.slice(8))}</span>
                        <span className="day-status" aria-hidden="true">
                          {cellText(days[date])}
                        </span>
                      </button>
                    </td>
                  ) : (
                    <td key={`blank-${w}-${d}`} />
                  )
                )}
              </tr>
            ))}
          </tbody>
        </table>
        <p id="calendar-help" className="muted small">
          Use the arrow keys to move between dates, Page Up and Page Down to change month, Enter to choose.
        </p>
        <ul className="legend" aria-label="Date statuses">
          {(Object.keys(STATUS_LABEL) as DateStatus[]).map((status) => (
            <li key={status}>
              <span className={`swatch status-${status}`} aria-hidden="true" /> {STATUS_LABEL[status]}
            </li>
          ))}
        </ul>
      </div>
      <ErrorNotice message={loadError} />
      <div aria-live="assertive" className="refusal">
        {refusal && <p className="notice notice-warning">{refusal}</p>}
      </div>
      {props.date && selected && (
        <div className="card selected-date" data-testid="selected-date">
          <p>
            Your date: <strong>{longDate(props.date)}</strong> · {describe(selected)}
          </p>
          {selected.status === "limited" && (
            <p className="scarcity" role="status">
              High demand: only {selected.remaining} booking{selected.remaining === 1 ? "" : "s"} left on this date. Book now to keep it.
            </p>
          )}
          {props.tier.price && <PriceBreakdown price={props.tier.price} label="for this date" />}
        </div>
      )}
      <ErrorNotice message={props.error} />
      <div className="actions">
        <button type="button" className="button link" onClick={props.onBack}>
          Back to add-ons
        </button>
        <button type="button" className="button primary" disabled={!bookable(selected) || props.busy} onClick={props.onContinue}>
          {props.busy ? "Reserving your date…" : "Continue to your details"}
        </button>
      </div>
    </section>
  )
}
