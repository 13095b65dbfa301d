import { MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { MedusaError } from "@medusajs/framework/utils"
import { feedTokenOf } from "../../../../lib/calendar-feed"
import { calendarFeed } from "../../../../queries/calendar-feed"
import { adminUrl } from "../../../utils/calendar-feed-urls"

/**
 * A tenant's calendar feed (iCalendar), for calendar apps that subscribe to its secret URL: no
 * key or session, the token is the credential. Whatever is wrong with a token answers the same
 * 404, so an answer tells nothing about which tokens exist.
 */
export const GET = async (req: MedusaRequest, res: MedusaResponse) => {
  const token = feedTokenOf(req.params.token)
  const feed = token ? await calendarFeed(req.scope, token, adminUrl(req)) : null
  if (feed === null) {
    throw new MedusaError(MedusaError.Types.NOT_FOUND, "Calendar feed not found")
  }
  res.setHeader("Content-Type", "text/calendar; charset=utf-8")
  res.setHeader("Content-Disposition", 'inline; filename="bookings.ics"')
  // Private to its subscriber; revalidated (ETag) on every fetch so a rotation or an edit shows.
  res.setHeader("Cache-Control", "private, no-cache")
  res.setHeader("X-Robots-Tag", "noindex")
  res.setHeader("Referrer-Policy", "no-referrer")
  res.send(feed)
}
