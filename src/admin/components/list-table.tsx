import { Table } from "@medusajs/ui"
import type { ReactNode } from "react"
import { ActionMenu, type Action } from "./action-menu"

type RowAttributes = { "data-testid": string } & { [attribute: `data-${string}`]: string }

/** A list page's table: a row per item with its cells, the item's "…" menu last. */
export function ListTable<T extends { id: string }>({ testId, headers, items, row, cells, menuLabel, actions }: {
  testId: string
  /** The header cells before the menu's column. */
  headers: ReactNode
  items: T[]
  /** The row's test id and any data attributes a test reads it by. */
  row: (item: T) => RowAttributes
  cells: (item: T) => ReactNode
  menuLabel: (item: T) => string
  actions: (item: T) => Action[]
}) {
  return (
    <Table data-testid={testId}>
      <Table.Header>
        <Table.Row>
          {headers}
          <Table.HeaderCell className="w-12" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {items.map((item) => (
          <Table.Row key={item.id} {...row(item)} className="[&_td]:py-3">
            {cells(item)}
            <Table.Cell>
              <ActionMenu label={menuLabel(item)} actions={actions(item)} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
