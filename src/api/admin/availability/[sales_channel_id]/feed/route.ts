import { AuthenticatedMedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { issueCalendarFeedWorkflow } from "../../../../../workflows/issue-calendar-feed"
import { feedUrl } from "../../../../utils/calendar-feed-urls"
import type { CalendarFeedResponse } from "../../../../../contract/admin"

/** The tenant's calendar feed URL; its secret is made on the first call. */
export const GET = async (req: AuthenticatedMedusaRequest, res: MedusaResponse<CalendarFeedResponse>) => {
  const { result: token } = await issueCalendarFeedWorkflow(req.scope).run({ input: { sales_channel_id: req.params.sales_channel_id } })
  res.json({ feed: { url: feedUrl(req, token) } })
}
