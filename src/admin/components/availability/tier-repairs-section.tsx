import { Button, Text } from "@medusajs/ui"
import { useState } from "react"
import { runReconciler } from "../../lib/api"
import { errorMessage } from "../../lib/form-values"
import { useAdminMutation, useErrorToast, useTierRepairs } from "../../lib/queries"
import { isOpenFlag, lastRunText, runResultText } from "../../lib/tier-repairs"
import type { TierRepair } from "../../../contract/admin"
import { useNow } from "../../lib/use-now"
import { Message } from "../message"
import { PageHeader } from "../page-header"
import { TierRepairRow } from "../tier-repair-row"

const PAGE = 10

/**
 * A tenant's repairs and flags on the availability page: open flags first, then what the
 * reconciler put right (and flags since resolved), with its last run and "Check now".
 */
export function TierRepairsSection({ channelId }: { channelId: string }) {
  const now = useNow()
  const [openLimit, setOpenLimit] = useState(PAGE)
  const [recentLimit, setRecentLimit] = useState(PAGE)
  const open = useTierRepairs({ sales_channel_id: channelId, needs_attention: true, resolved: false, limit: openLimit, offset: 0 })
  const recent = useTierRepairs({ sales_channel_id: channelId, limit: recentLimit, offset: 0 })
  useErrorToast("Repairs could not be loaded", open.error ?? recent.error)
  const check = useAdminMutation(runReconciler, runResultText)
  const lastRun = recent.data?.last_run ?? open.data?.last_run ?? null
  // Open flags are listed above; the rest of the history below (its count includes them).
  const history = (recent.data?.repairs ?? []).filter((r) => !isOpenFlag(r))

  return (
    <div className="divide-y" data-testid="tier-repairs-section">
      <PageHeader
        title="Repairs and flags"
        description="After an interrupted checkout, upgrade or cancellation, the booking check puts the records right and flags what needs you. It runs at every start and every five minutes."
        level="h2"
      >
        <div className="flex items-center gap-x-3">
          <Text size="small" className="text-ui-fg-subtle" data-testid="tier-repairs-last-run">
            {recent.data || open.data ? lastRunText(lastRun, now) : ""}
          </Text>
          <Button size="small" variant="secondary" isLoading={check.isPending} onClick={() => check.mutate(undefined)} data-testid="check-now">
            Check now
          </Button>
        </div>
      </PageHeader>
      <RepairList
        title={open.data?.count ? `Needs attention (${open.data.count})` : "Needs attention"}
        testId="tier-repairs-open"
        query={open}
        repairs={open.data?.repairs ?? []}
        empty="Nothing needs your attention."
        now={now}
        onMore={() => setOpenLimit(openLimit + PAGE)}
      />
      <RepairList
        title="Recent repairs"
        testId="tier-repairs-recent"
        query={recent}
        repairs={history}
        empty="Nothing has needed repair."
        now={now}
        onMore={() => setRecentLimit(recentLimit + PAGE)}
      />
    </div>
  )
}

function RepairList({ title, testId, query, repairs, empty, now, onMore }: {
  title: string
  testId: string
  query: ReturnType<typeof useTierRepairs>
  repairs: TierRepair[]
  empty: string
  now: Date
  onMore: () => void
}) {
  const { data, isLoading, error, isFetching } = query
  return (
    <div data-testid={testId}>
      <div className="px-6 pt-4">
        <Text size="small" weight="plus">
          {title}
        </Text>
      </div>
      {isLoading && <Message>Loading…</Message>}
      {!data && error && <Message>The list could not be loaded: {errorMessage(error)}</Message>}
      {data && !repairs.length && <Message>{empty}</Message>}
      {repairs.map((repair) => (
        <TierRepairRow key={repair.id} repair={repair} now={now} withOrder />
      ))}
      {data && data.repairs.length < data.count && (
        <div className="px-6 pb-4">
          <Button size="small" variant="transparent" isLoading={isFetching} onClick={onMore} data-testid="show-more-repairs">
            Show more
          </Button>
        </div>
      )}
    </div>
  )
}
