import { groupRows, isYesNoRow } from "@tiered/client"
import type { ComparisonMatrix, ComparisonRow, StoreTier } from "@tiered/client"
import { useId, useState } from "react"

/** Where the couple starts on a phone, which shows one package at a time: the popular one, else the first. */
const firstShown = (tiers: StoreTier[]) => Math.max(0, tiers.findIndex((tier) => tier.is_popular))

function Cell(props: { row: ComparisonRow; index: number; previous: StoreTier | undefined }) {
  const { row, index, previous } = props
  const value = row.values[index]
  const offered = value !== null && value !== false
  const better = row.better[index]
  let shown
  if (isYesNoRow(row) || !offered) {
    shown = (
      <>
        <span aria-hidden="true" className="mark">
          {offered ? "✓" : "—"}
        </span>
        <span className="sr-only">{offered ? "Included" : "Not included"}</span>
      </>
    )
  } else {
    shown = <span className="value">{row.display[index]}</span>
  }
  return (
    <>
      {shown}
      {better && previous && (
        <>
          <span aria-hidden="true" className="more">
            +
          </span>
          <span className="sr-only">, more than {previous.name}</span>
        </>
      )}
    </>
  )
}

/**
 * The packages side by side, one row per feature under its group heading, each package's value as
 * the store words it; a "+" marks where a package offers more than the one before it. On a phone
 * the table shows one package at a time, chosen with the buttons above it.
 */
export function ComparisonTable(props: { tiers: StoreTier[]; comparison: ComparisonMatrix }) {
  const { tiers, comparison } = props
  const [shown, setShown] = useState(() => firstShown(tiers))
  const id = useId()
  const tableId = `${id}-table`
  const titleId = `${id}-title`
  const groups = groupRows(comparison.rows)
  const headed = groups.some((g) => g.group !== null)
  const column = (index: number) => `tier-cell${index === shown ? " is-shown" : ""}`

  return (
    <div className="comparison" data-testid="comparison">
      <h3 id={titleId} className="comparison-title">
        What each package includes
      </h3>
      <div className="tier-switch" role="group" aria-label="Show the package">
        {tiers.map((tier, index) => (
          <button
            key={tier.id}
            type="button"
            className="button secondary"
            aria-pressed={index === shown}
            aria-controls={tableId}
            onClick={() => setShown(index)}
          >
            {tier.name}
          </button>
        ))}
      </div>
      <table id={tableId} className="comparison-table" aria-labelledby={titleId}>
        <thead>
          <tr>
            <td />
            {tiers.map((tier, index) => (
              <th key={tier.id} scope="col" className={column(index)}>
                {tier.name}
              </th>
            ))}
          </tr>
        </thead>
        {groups.map((g) => (
          <tbody key={g.group ?? ""}>
            {headed && (
              <tr className="group-row">
                <th scope="rowgroup" colSpan={tiers.length + 1}>
                  {g.group ?? "Also included"}
                </th>
              </tr>
            )}
            {g.rows.map((row) => (
              <tr key={row.key} data-row={row.key}>
                <th scope="row">{row.label}</th>
                {tiers.map((tier, index) => (
                  <td
                    key={tier.id}
                    data-tier={tier.level}
                    className={`${column(index)}${row.better[index] ? " is-better" : ""}${row.values[index] === null || row.values[index] === false ? " is-absent" : ""}`}
                  >
                    <Cell row={row} index={index} previous={tiers[index - 1]} />
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <p className="muted comparison-legend">
        <span aria-hidden="true" className="more">
          +
        </span>{" "}
        more than the package before it
        {shown > 0 && <span className="legend-narrow"> ({tiers[shown - 1].name})</span>}
      </p>
    </div>
  )
}
