import { Table } from "@medusajs/ui"
import type { ReactNode } from "react"

/** A figure in a report cell: tabular digits, and a test id to read it by. */
export const Num = ({ testId, children }: { testId: string; children: ReactNode }) => (
  <span className="tabular-nums" data-testid={testId}>
    {children}
  </span>
)

export type ReportColumn<T> = {
  header: ReactNode
  /** Figures align right, header and cell alike. */
  numeric?: boolean
  /** The cell's content is one figure, wrapped in `Num` with this test id. */
  testId?: string
  cellClassName?: (row: T) => string | undefined
  cell: (row: T, index: number) => ReactNode
}

/** One row per item, one cell per column: the shape every analytics report shares. */
export function ReportTable<T>({ testId, columns, rows, rowKey, rowTestId, rowClassName }: {
  testId?: string
  columns: ReportColumn<T>[]
  rows: T[]
  rowKey: (row: T) => string
  rowTestId: (row: T) => string
  rowClassName?: (row: T) => string | undefined
}) {
  return (
    <Table data-testid={testId}>
      <Table.Header>
        <Table.Row>
          {columns.map((column, i) => (
            <Table.HeaderCell key={i} className={column.numeric ? "text-right" : undefined}>
              {column.header}
            </Table.HeaderCell>
          ))}
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {rows.map((row, index) => (
          <Table.Row key={rowKey(row)} data-testid={rowTestId(row)} className={rowClassName?.(row)}>
            {columns.map((column, i) => (
              <Table.Cell key={i} className={column.numeric ? "text-right" : column.cellClassName?.(row)}>
                {column.testId ? <Num testId={column.testId}>{column.cell(row, index)}</Num> : column.cell(row, index)}
              </Table.Cell>
            ))}
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}
