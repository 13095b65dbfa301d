/**
 * A small iCalendar (RFC 5545) writer for published calendars of all-day events: what the calendar
 * feed needs and nothing more. Lines end in CRLF and are folded at 75 octets without splitting a
 * UTF-8 character; TEXT values are escaped (`\\`, `;`, `,`, newlines) and lose other control
 * characters, which the grammar does not allow.
 */
import { addDays, isDateShaped } from "./dates"

export type AllDayEvent = {
  /** Globally unique and stable across fetches: a calendar app updates the event it already has. */
  uid: string
  /** First day, YYYY-MM-DD. */
  start: string
  /** Last day, inclusive, YYYY-MM-DD (the written DTEND is the day after). */
  end: string
  summary: string
  description?: string | null
  /** An absolute URL about the event (the order in the admin). */
  url?: string | null
  /** When the event last changed: its DTSTAMP and LAST-MODIFIED. */
  modified: Date
  created?: Date | null
  status?: "CONFIRMED" | "TENTATIVE" | "CANCELLED"
}

export type Calendar = {
  /** PRODID: who wrote the calendar. */
  product: string
  name: string
  description?: string | null
  /** How often a subscriber should fetch the calendar again, in minutes. */
  refresh_minutes: number
  events: AllDayEvent[]
}

const FOLD_OCTETS = 75
// RFC 5545 3.3.11: TEXT allows HTAB but no other control character; line breaks are written \n.
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f]/g

/** A TEXT value as RFC 5545 writes it. */
export function escapeText(value: string): string {
  return value
    .replace(/\r\n?/g, "\n")
    .replace(CONTROL, " ")
    .replace(/[\\;,]/g, (c) => `\\${c}`)
    .replace(/\n/g, "\\n")
}

function utf8Octets(codePoint: number): number {
  return codePoint < 0x80 ? 1 : codePoint < 0x800 ? 2 : codePoint < 0x10000 ? 3 : 4
}

/**
 * A content line folded so that no line is longer than 75 octets (CRLF excluded): each following
 * line starts with one space. A character is never split between lines.
 */
export function foldLine(line: string): string {
  const lines: string[] = []
  let current = ""
  let octets = 0
  for (const char of line) {
    const size = utf8Octets(char.codePointAt(0)!)
    if (octets + size > FOLD_OCTETS) {
      lines.push(current)
      current = " "
      octets = 1
    }
    current += char
    octets += size
  }
  lines.push(current)
  return lines.join("\r\n")
}

/** A DATE value: 2027-07-17 -> 20270717. */
export function dateValue(date: string): string {
  if (!isDateShaped(date)) {
    // Pure: dates come validated from the database; a bad one is a bug, not a client's error.
    // eslint-disable-next-line @medusajs/use-medusa-error-not-generic-error
    throw new RangeError(`${JSON.stringify(date)} is not a date written YYYY-MM-DD`)
  }
  return date.replace(/-/g, "")
}

/** A DATE-TIME value in UTC: 20270717T093000Z. */
export function dateTimeValue(at: Date): string {
  return at.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "")
}

/** A DURATION of whole minutes: PT1H, PT90M. */
function minutesDuration(minutes: number): string {
  return minutes % 60 === 0 ? `PT${minutes / 60}H` : `PT${minutes}M`
}

function eventLines(event: AllDayEvent): string[] {
  return [
    "BEGIN:VEVENT",
    `UID:${escapeText(event.uid)}`,
    `DTSTAMP:${dateTimeValue(event.modified)}`,
    ...(event.created ? [`CREATED:${dateTimeValue(event.created)}`] : []),
    `LAST-MODIFIED:${dateTimeValue(event.modified)}`,
    `DTSTART;VALUE=DATE:${dateValue(event.start)}`,
    `DTEND;VALUE=DATE:${dateValue(addDays(event.end, 1))}`,
    `SUMMARY:${escapeText(event.summary)}`,
    ...(event.description ? [`DESCRIPTION:${escapeText(event.description)}`] : []),
    ...(event.url ? [`URL:${event.url}`] : []),
    `STATUS:${event.status ?? "CONFIRMED"}`,
    // The date is taken: the vendor shows as busy.
    "TRANSP:OPAQUE",
    "END:VEVENT",
  ]
}

/** The whole calendar as one iCalendar object, CRLF line ends. */
export function writeCalendar(calendar: Calendar): string {
  const refresh = minutesDuration(calendar.refresh_minutes)
  const lines = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    `PRODID:${escapeText(calendar.product)}`,
    "CALSCALE:GREGORIAN",
    `NAME:${escapeText(calendar.name)}`,
    `X-WR-CALNAME:${escapeText(calendar.name)}`,
    ...(calendar.description
      ? [`DESCRIPTION:${escapeText(calendar.description)}`, `X-WR-CALDESC:${escapeText(calendar.description)}`]
      : []),
    // RFC 7986's refresh hint, and the older one Outlook and Apple Calendar read.
    `REFRESH-INTERVAL;VALUE=DURATION:${refresh}`,
    `X-PUBLISHED-TTL:${refresh}`,
    ...calendar.events.flatMap(eventLines),
    "END:VCALENDAR",
  ]
  return lines.map(foldLine).join("\r\n") + "\r\n"
}
