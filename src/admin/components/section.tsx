import { Container } from "@medusajs/ui"
import type { ReactNode } from "react"
import { PageHeader } from "./page-header"

/** One titled block of a page, with its actions at the right of the title. */
export function Section({ title, description, actions, testId, children }: {
  title: ReactNode
  description: ReactNode
  actions?: ReactNode
  testId: string
  children: ReactNode
}) {
  return (
    <Container className="divide-y p-0" data-testid={testId}>
      <PageHeader title={title} description={description} level="h2">
        <div className="flex items-center gap-x-2">{actions}</div>
      </PageHeader>
      {children}
    </Container>
  )
}
