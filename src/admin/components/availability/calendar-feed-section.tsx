import { Button, Copy, Heading, Input, Text, usePrompt } from "@medusajs/ui"
import { rotateCalendarFeed } from "../../lib/api"
import { errorMessage } from "../../lib/form-values"
import { useAdminMutation, useCalendarFeed, useErrorToast } from "../../lib/queries"

/** The tenant's secret calendar subscription link, to copy into a calendar app or rotate. */
export function CalendarFeedSection({ channelId }: { channelId: string }) {
  const feed = useCalendarFeed(channelId)
  useErrorToast("The calendar feed could not be loaded", feed.error)
  const rotate = useAdminMutation(rotateCalendarFeed, "Calendar feed link rotated")
  const prompt = usePrompt()
  const confirmRotate = async () => {
    const confirmed = await prompt({
      title: "Rotate the calendar feed link?",
      description: "Calendars subscribed to the current link stop updating at once. Subscribe them again with the new link.",
      confirmText: "Rotate",
      cancelText: "Cancel",
    })
    if (confirmed) rotate.mutate(channelId)
  }

  return (
    <div className="flex flex-col gap-y-3 px-6 py-4" data-testid="calendar-feed">
      <Heading level="h2">Calendar feed</Heading>
      <Text size="small" className="text-ui-fg-subtle">
        This storefront&apos;s bookings and blackouts as a calendar. Subscribe to the link in Google Calendar (Other
        calendars, From URL), Apple Calendar (File, New Calendar Subscription) or Outlook (Add calendar, Subscribe from
        web). Anyone with the link can read the bookings: keep it private, and rotate it if it leaks.
      </Text>
      {feed.data ? (
        <div className="flex items-center gap-x-2">
          <div className="min-w-0 flex-1">
            <Input
              readOnly
              aria-label="Calendar feed URL"
              className="font-mono"
              value={feed.data.url}
              onFocus={(e) => e.target.select()}
              data-testid="calendar-feed-url"
            />
          </div>
          <Copy content={feed.data.url} asChild>
            <Button size="small" variant="secondary" aria-label="Copy the calendar feed URL" data-testid="copy-feed-url">
              Copy
            </Button>
          </Copy>
          <Button size="small" variant="secondary" isLoading={rotate.isPending} onClick={confirmRotate} data-testid="rotate-feed">
            Rotate link
          </Button>
        </div>
      ) : (
        <Text size="small" className="text-ui-fg-subtle">
          {feed.isLoading ? "Loading the calendar feed…" : `The calendar feed could not be loaded: ${errorMessage(feed.error)}`}
        </Text>
      )}
    </div>
  )
}
