import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issueCalendarFeedWorkflow } from "../../../../../../workflows/issue-calendar-feed"
import { feedUrl } from "../../../../../utils/calendar-feed-urls"
import type { CalendarFeedResponse } from "../../../../../../contract/admin"

/** A new feed URL for the tenant; the old one answers 404 from now on. */
export const POST = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CalendarFeedResponse>) => {
  const { result: token } = await issueCalendarFeedWorkflow(req.scope).run({
    input: { sales_channel_id: req.params.sales_channel_id, rotate: true },
  })
  res.json({ feed: { url: feedUrl(req, token) } })
}
