import { ArchiveBox, ListBullet, PencilSquare, Plus, SquareTwoStack, Trash } from "@medusajs/icons"
import { Badge, Button, Checkbox, StatusBadge, Table, Text } from "@medusajs/ui"
import { formatPriceRange, matrixLevels, nextFreeLevel, tierAtLevel } from "../../lib/form-values"
import type { Segment, Tier } from "../../../contract/admin"
import { ActionMenu } from "../action-menu"

export type MatrixActions = {
  editSegment: (segment: Segment) => void
  editFeatures: (segment: Segment) => void
  cloneSegment: (segment: Segment) => void
  deleteSegment: (segment: Segment) => void
  addTier: (segment: Segment, level: number) => void
  editTier: (tier: Tier) => void
  archiveTier: (tier: Tier) => void
}

type SegmentMatrixProps = {
  segments: Segment[]
  selected: ReadonlySet<string>
  onToggle: (tierId: string, selected: boolean) => void
  actions: MatrixActions
}

/** One row per segment, one column per tier level. */
export function SegmentMatrix({ segments, selected, onToggle, actions }: SegmentMatrixProps) {
  const levels = matrixLevels(segments)
  return (
    <Table data-testid="segment-matrix">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Segment</Table.HeaderCell>
          {levels.map((level) => (
            <Table.HeaderCell key={level}>Level {level}</Table.HeaderCell>
          ))}
          <Table.HeaderCell className="w-12" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {segments.map((segment) => (
          <Table.Row
            key={segment.id}
            data-testid={`segment-row-${segment.handle}`}
            className="[&_td]:align-top"
          >
            <Table.Cell className="py-3">
              <SegmentSummary segment={segment} />
            </Table.Cell>
            {levels.map((level) => {
              const tier = tierAtLevel(segment, level)
              return (
                <Table.Cell
                  key={level}
                  className="py-3"
                  data-testid={`tier-cell-${segment.handle}-${level}`}
                >
                  {tier ? (
                    <TierCell
                      tier={tier}
                      selected={selected.has(tier.id)}
                      onToggle={(value) => onToggle(tier.id, value)}
                      actions={actions}
                    />
                  ) : (
                    <Button
                      size="small"
                      variant="transparent"
                      onClick={() => actions.addTier(segment, level)}
                      aria-label={`Add level ${level} tier to ${segment.name}`}
                    >
                      <Plus />
                      Add tier
                    </Button>
                  )}
                </Table.Cell>
              )
            })}
            <Table.Cell className="py-3">
              <ActionMenu
                label={`Actions for segment ${segment.name}`}
                actions={[
                  { label: "Edit", icon: <PencilSquare />, onClick: () => actions.editSegment(segment) },
                  { label: "Features", icon: <ListBullet />, onClick: () => actions.editFeatures(segment) },
                  {
                    label: "Add tier",
                    icon: <Plus />,
                    onClick: () => actions.addTier(segment, nextFreeLevel(segment)),
                  },
                  { label: "Clone", icon: <SquareTwoStack />, onClick: () => actions.cloneSegment(segment) },
                  {
                    label: "Delete",
                    icon: <Trash />,
                    onClick: () => actions.deleteSegment(segment),
                    danger: true,
                  },
                ]}
              />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

function SegmentSummary({ segment }: { segment: Segment }) {
  return (
    <div className="flex flex-col gap-y-1">
      <div className="flex items-center gap-x-2">
        <Text size="small" weight="plus">
          {segment.name}
        </Text>
        <StatusBadge color={segment.is_active ? "green" : "grey"}>
          {segment.is_active ? "Active" : "Inactive"}
        </StatusBadge>
      </div>
      <Text size="xsmall" className="text-ui-fg-subtle">
        {segment.handle} · {formatPriceRange(segment.price_range)} · {segment.commission_percent}%
        commission
      </Text>
    </div>
  )
}

type TierCellProps = {
  tier: Tier
  selected: boolean
  onToggle: (selected: boolean) => void
  actions: MatrixActions
}

function TierCell({ tier, selected, onToggle, actions }: TierCellProps) {
  const featureCount = tier.features.length
  return (
    <div className="flex items-start gap-x-2">
      <Checkbox
        className="mt-0.5"
        checked={selected}
        onCheckedChange={(value) => onToggle(value === true)}
        aria-label={`Select tier ${tier.name}`}
      />
      <div className="flex min-w-0 flex-1 flex-col gap-y-0.5">
        <div className="flex items-center gap-x-1">
          <Text size="small" weight="plus" className="truncate">
            {tier.name}
          </Text>
          {tier.is_popular && (
            <Badge size="2xsmall" color="purple">
              Popular
            </Badge>
          )}
        </div>
        <Text size="xsmall" className="text-ui-fg-subtle truncate" data-testid="tier-product">
          {tier.product?.title ?? "No product"}
        </Text>
        <Text size="xsmall" className="text-ui-fg-muted">
          {tier.max_guests ? `Up to ${tier.max_guests} guests` : "No guest limit"} · {featureCount}{" "}
          {featureCount === 1 ? "feature" : "features"}
        </Text>
      </div>
      <ActionMenu
        label={`Actions for tier ${tier.name}`}
        actions={[
          { label: "Edit", icon: <PencilSquare />, onClick: () => actions.editTier(tier) },
          { label: "Archive", icon: <ArchiveBox />, onClick: () => actions.archiveTier(tier) },
        ]}
      />
    </div>
  )
}
