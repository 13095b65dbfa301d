import type { ReactNode } from "react"
import { Message } from "../message"
import { errorMessage } from "../../lib/form-values"

/** Loading, the API's error, or the report (or its empty state). */
export function ReportBody<T>({ state, noun, empty, children }: {
  state: { data?: T; isLoading: boolean; error: unknown }
  noun: string
  empty: (data: T) => string | null
  children: (data: T) => ReactNode
}) {
  if (state.isLoading) return <Message>Loading {noun}…</Message>
  if (!state.data) return <Message>{state.error ? `The ${noun} could not be loaded: ${errorMessage(state.error)}` : `Choose a valid date range to see the ${noun}.`}</Message>
  const emptyText = empty(state.data)
  return emptyText ? <Message>{emptyText}</Message> : <>{children(state.data)}</>
}
