import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CalendarSolid } from "@medusajs/icons"
import { Container, Heading } from "@medusajs/ui"
import { useState } from "react"
import { BlackoutList } from "../../../components/availability/blackout-list"
import { CalendarFeedSection } from "../../../components/availability/calendar-feed-section"
import { DateDrawer } from "../../../components/availability/date-drawer"
import { MonthCalendar } from "../../../components/availability/month-calendar"
import { NotificationsSection } from "../../../components/availability/notifications-section"
import { SettingsForm } from "../../../components/availability/settings-form"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { TenantSelect } from "../../../components/tenant-select"
import { TierRepairsSection } from "../../../components/availability/tier-repairs-section"
import { thisMonth, type CalendarDay } from "../../../lib/availability"
import { errorMessage } from "../../../lib/form-values"
import { useAvailability, useErrorToast } from "../../../lib/queries"

function ChannelAvailability({ channelId }: { channelId: string }) {
  const [month, setMonth] = useState(() => thisMonth())
  const [picked, setPicked] = useState<CalendarDay | null>(null)
  const availability = useAvailability(channelId)
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
      <CalendarFeedSection channelId={channelId} />
      <NotificationsSection channelId={channelId} />
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
        description="Each storefront's capacity per date, booking window, blackouts and high-demand dates, its calendar feed, its notifications, and what the booking check repaired or flagged."
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
