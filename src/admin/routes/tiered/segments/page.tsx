import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Swatch } from "@medusajs/icons"
import { Button, Container, Heading, Text, usePrompt } from "@medusajs/ui"
import { useState, type ReactNode } from "react"
import { Pager } from "../../../components/pager"
import { SegmentDialogs, type SegmentDialog } from "../../../components/segments/segment-dialogs"
import { SegmentMatrix, type MatrixActions } from "../../../components/segments/segment-matrix"
import { archiveTier, archiveTiers, deleteSegment } from "../../../lib/api"
import { errorMessage } from "../../../lib/form-values"
import { useAdminMutation, useSegments } from "../../../lib/queries"
import type { Segment } from "../../../../contract/admin"

const PAGE_SIZE = 20

const SegmentsPage = () => {
  const [offset, setOffset] = useState(0)
  const [dialog, setDialog] = useState<SegmentDialog | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const { data, isLoading, isError, error } = useSegments(PAGE_SIZE, offset)
  const prompt = usePrompt()

  const clearSelection = () => setSelected(new Set())
  const archiveOne = useAdminMutation(archiveTier, "Tier archived")
  const archiveMany = useAdminMutation(archiveTiers, "Tiers archived")
  const remove = useAdminMutation(deleteSegment, "Segment deleted")

  const toggle = (tierId: string, value: boolean) =>
    setSelected((current) => {
      const next = new Set(current)
      if (value) next.add(tierId)
      else next.delete(tierId)
      return next
    })

  const confirmDelete = async (segment: Segment) => {
    const confirmed = await prompt({
      title: `Delete ${segment.name}?`,
      description: `Its ${segment.tiers.length} tier(s) and their product assignments are deleted too. This cannot be undone.`,
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(segment.id)
  }

  const confirmBulkArchive = async () => {
    const confirmed = await prompt({
      title: `Archive ${selected.size} tier(s)?`,
      description: "Archived tiers leave the storefront and the matrix; they can be restored through the API.",
      confirmText: "Archive",
      cancelText: "Cancel",
      variant: "confirmation",
    })
    if (confirmed) archiveMany.mutate([...selected], { onSuccess: clearSelection })
  }

  const actions: MatrixActions = {
    editSegment: (segment) => setDialog({ kind: "edit-segment", segment }),
    editFeatures: (segment) => setDialog({ kind: "features", segment }),
    cloneSegment: (segment) => setDialog({ kind: "clone-segment", segment }),
    deleteSegment: confirmDelete,
    addTier: (segment, level) => setDialog({ kind: "add-tier", segment, level }),
    editTier: (tier) => setDialog({ kind: "edit-tier", tier }),
    archiveTier: (tier) => archiveOne.mutate(tier.id, { onSuccess: () => toggle(tier.id, false) }),
  }

  return (
    <Container className="divide-y p-0">
      <div className="flex items-center justify-between px-6 py-4">
        <div>
          <Heading level="h1">Segments</Heading>
          <Text size="small" className="text-ui-fg-subtle">
            Market positions and the package tiers inside each of them.
          </Text>
        </div>
        <div className="flex items-center gap-x-2">
          {selected.size > 0 && (
            <Button
              size="small"
              variant="secondary"
              onClick={confirmBulkArchive}
              isLoading={archiveMany.isPending}
              data-testid="archive-selected"
            >
              Archive {selected.size} selected
            </Button>
          )}
          <Button
            size="small"
            variant="secondary"
            onClick={() => setDialog({ kind: "create-segment" })}
            data-testid="create-segment"
          >
            Create segment
          </Button>
        </div>
      </div>
      <SegmentList
        segments={data?.segments}
        loading={isLoading}
        errorText={isError ? errorMessage(error) : undefined}
        selected={selected}
        onToggle={toggle}
        actions={actions}
      />
      {data && data.count > PAGE_SIZE && (
        <Pager
          offset={offset}
          pageSize={PAGE_SIZE}
          count={data.count}
          noun="segments"
          onChange={(next) => {
            setOffset(next)
            clearSelection()
          }}
        />
      )}
      <SegmentDialogs dialog={dialog} onClose={() => setDialog(null)} />
    </Container>
  )
}

type SegmentListProps = {
  segments: Segment[] | undefined
  loading: boolean
  errorText: string | undefined
  selected: ReadonlySet<string>
  onToggle: (tierId: string, value: boolean) => void
  actions: MatrixActions
}

function SegmentList({ segments, loading, errorText, ...matrix }: SegmentListProps) {
  if (loading) return <Message>Loading segments…</Message>
  if (errorText) return <Message>Segments could not be loaded: {errorText}</Message>
  if (!segments?.length) {
    return <Message>No segments yet. Create one to start arranging tiers.</Message>
  }
  return <SegmentMatrix segments={segments} {...matrix} />
}

function Message({ children }: { children: ReactNode }) {
  return (
    <div className="px-6 py-8">
      <Text size="small" className="text-ui-fg-subtle" data-testid="segments-message">
        {children}
      </Text>
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Segments",
  icon: Swatch,
  rank: 1,
})

export default SegmentsPage
