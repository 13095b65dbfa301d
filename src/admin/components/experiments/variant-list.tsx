import { StatusBadge } from "@medusajs/ui"
import { STATUS_LABELS, variantChanges, variantShares } from "../../lib/experiments"
import type { ExperimentStatus, ExperimentVariant } from "../../../contract/admin"

export function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  const { label, color } = STATUS_LABELS[status]
  return (
    <StatusBadge color={color} data-testid="experiment-status">
      {label}
    </StatusBadge>
  )
}

/** Each variant with its share of the experiment's visitors and what it changes. */
export function VariantList({ variants }: { variants: ExperimentVariant[] }) {
  const shares = variantShares(variants.map((v) => v.weight))
  return (
    <ul className="flex flex-col gap-y-1" data-testid="variant-list">
      {variants.map((variant, i) => (
        <li key={variant.key} className="txt-compact-small" data-testid={`variant-${variant.key}`}>
          <span className="font-medium">{variant.key}</span> <span className="text-ui-fg-subtle">{shares[i]}%</span> ·{" "}
          {variantChanges(variant)}
        </li>
      ))}
    </ul>
  )
}
