import type { ReactNode } from "react"
import { Message } from "../message"
import { Section } from "../section"
import { CsvButton } from "./csv-button"
import { errorMessage } from "../../lib/form-values"
import { EMPTY_REPORT } from "../../lib/tier-analytics"
import type { AnalyticsReport } from "../../../contract/admin"

type ReportState<T> = { data?: T; isLoading: boolean; error: unknown }

// A report over an invalid range is not asked for: its body says to choose a valid one.
const NOT_ASKED = { isLoading: false, error: null }

/** Loading, the API's error, or the report (or its empty state). */
function ReportBody<T>({ state, noun, empty, children }: {
  state: ReportState<T>
  noun: string
  empty: (data: T) => string | null
  children: (data: T) => ReactNode
}) {
  if (state.isLoading) return <Message>Loading {noun}…</Message>
  if (!state.data) return <Message>{state.error ? `The ${noun} could not be loaded: ${errorMessage(state.error)}` : `Choose a valid date range to see the ${noun}.`}</Message>
  const emptyText = empty(state.data)
  return emptyText ? <Message>{emptyText}</Message> : <>{children(state.data)}</>
}

type ReportData = { [K in keyof typeof EMPTY_REPORT]: Parameters<(typeof EMPTY_REPORT)[K]>[0] }

/** One report's section, named by the report: its CSV export beside any other actions, then its body. */
export function ReportSection<K extends AnalyticsReport>({ title, description, actions, report, query, problem, state, noun, children }: {
  title: string
  description: string
  actions?: ReactNode
  report: K
  query: object
  /** Why the chosen range cannot be reported on: the report is then neither shown nor exported. */
  problem?: string | null
  state: ReportState<ReportData[K]>
  noun: string
  children: (data: ReportData[K]) => ReactNode
}) {
  // Each report's own emptiness rule; the index cannot tell the compiler which one.
  const empty = EMPTY_REPORT[report] as (data: ReportData[K]) => string | null
  return (
    <Section
      title={title}
      description={description}
      testId={`${report}-section`}
      actions={
        <>
          {actions}
          <CsvButton report={report} query={query} disabled={!!problem} />
        </>
      }
    >
      <ReportBody state={problem ? NOT_ASKED : state} noun={noun} empty={empty}>
        {children}
      </ReportBody>
    </Section>
  )
}
