import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Beaker } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useState } from "react"
import { useExperimentActions } from "../../../components/experiments/experiment-actions"
import { ExperimentDrawer, type ExperimentDialog } from "../../../components/experiments/experiment-drawer"
import { ExperimentsTable } from "../../../components/experiments/experiments-table"
import { VisitorCheck } from "../../../components/experiments/visitor-check"
import { ListHeader } from "../../../components/list-header"
import { Message } from "../../../components/message"
import { Pager } from "../../../components/pager"
import { STATUS_FILTERS, experimentsQuery, type StatusFilter } from "../../../lib/experiments"
import { errorMessage } from "../../../lib/form-values"
import { useChannelNames, useErrorToast, useExperiments } from "../../../lib/queries"

const PAGE_SIZE = 20

const ExperimentsPage = () => {
  const [dialog, setDialog] = useState<ExperimentDialog | null>(null)
  const [filter, setFilter] = useState<StatusFilter>("all")
  const [offset, setOffset] = useState(0)
  const experiments = useExperiments(experimentsQuery(filter, PAGE_SIZE, offset))
  const channels = useChannelNames()
  const actionsFor = useExperimentActions((experiment) => setDialog({ kind: "edit", experiment }))
  useErrorToast("Experiments could not be loaded", experiments.error)
  const list = experiments.data?.experiments ?? []
  const count = experiments.data?.count ?? 0

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <ListHeader
          title="Experiments"
          description="A/B tests of upsell offers: each visitor in the traffic gets one variant, the same one on every visit."
          filter={{
            value: filter,
            options: STATUS_FILTERS,
            onChange: (v) => {
              setFilter(v)
              setOffset(0)
            },
            testId: "experiment-filter",
          }}
          create={{ label: "Create experiment", onClick: () => setDialog({ kind: "create" }), testId: "create-experiment" }}
        />
        {experiments.isLoading && <Message>Loading experiments…</Message>}
        {experiments.isError && <Message>Experiments could not be loaded: {errorMessage(experiments.error)}</Message>}
        {experiments.data && list.length === 0 && (
          <Message>{filter === "all" ? "No experiments yet. Every visitor gets the rules' own offers." : "No experiments with this status."}</Message>
        )}
        {list.length > 0 && <ExperimentsTable experiments={list} channelName={channels.name} actionsFor={actionsFor} />}
        {count > PAGE_SIZE && <Pager offset={offset} pageSize={PAGE_SIZE} count={count} noun="experiments" onChange={setOffset} />}
        {dialog && <ExperimentDrawer dialog={dialog} onClose={() => setDialog(null)} />}
      </Container>
      <VisitorCheck experiments={list} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Experiments",
  icon: Beaker,
  rank: 5,
})

export default ExperimentsPage
