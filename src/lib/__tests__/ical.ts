/**
 * Mozilla's ical.js (an ES module; its CommonJS build is what jest loads) and a reading of a
 * calendar feed through it: the unit, HTTP and browser tests check the feed as a calendar app
 * parses it. Kept under src/: medusa build compiles the tests under src/ too, and from there
 * integration-tests/ is out of reach.
 */
import assert from "node:assert/strict"
import type ICALModule from "ical.js" with { "resolution-mode": "import" }

// eslint-disable-next-line @typescript-eslint/no-require-imports
export const ICAL: typeof ICALModule = require("ical.js")

// RFC 7986's NAME and the X-WR-CALNAME calendar apps read are TEXT (escaped like SUMMARY); ical.js
// knows neither and would hand them over raw.
for (const name of ["name", "x-wr-calname", "x-wr-caldesc"]) {
  ICAL.design.icalendar.property[name] = { defaultType: "text" }
}

export type ParsedEvent = {
  uid: string
  /** YYYY-MM-DD; `all_day` says DTSTART and DTEND are DATE values. */
  start: string
  /** The day after the last, as DTEND writes it. */
  end: string
  all_day: boolean
  summary: string
  description: string | null
  status: string | null
  transp: string | null
  url: string | null
  dtstamp: string | null
}

export type ParsedCalendar = {
  name: string | null
  /** RFC 7986's NAME, which should say the same. */
  rfc7986_name: string | null
  refresh_interval: string | null
  published_ttl: string | null
  events: ParsedEvent[]
}

/** A feed's calendar and events as ical.js reads them; throws where ical.js cannot parse it. */
export function parseCalendar(text: string): ParsedCalendar {
  const calendar = new ICAL.Component(ICAL.parse(text))
  assert.equal(calendar.name, "vcalendar", "the feed is one VCALENDAR")
  const text_ = (component: ICALModule.Component, name: string) => {
    const value = component.getFirstPropertyValue(name)
    return value == null ? null : String(value)
  }
  return {
    name: text_(calendar, "x-wr-calname"),
    rfc7986_name: text_(calendar, "name"),
    refresh_interval: text_(calendar, "refresh-interval"),
    published_ttl: text_(calendar, "x-published-ttl"),
    events: calendar.getAllSubcomponents("vevent").map((vevent) => {
      const event = new ICAL.Event(vevent)
      return {
        uid: event.uid,
        start: event.startDate.toString(),
        end: event.endDate.toString(),
        all_day: event.startDate.isDate && event.endDate.isDate,
        summary: event.summary,
        description: event.description ?? null,
        status: text_(vevent, "status"),
        transp: text_(vevent, "transp"),
        url: text_(vevent, "url"),
        dtstamp: text_(vevent, "dtstamp"),
      }
    }),
  }
}
