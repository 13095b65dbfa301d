import { cloneSegment, createSegment, createTier, updateSegment, updateTier } from "../../lib/api"
import {
  changedFields,
  segmentFormValues,
  segmentPayload,
  tierChanges,
  tierFormValues,
  tierPayload,
  type SegmentFormValues,
  type TierFormValues,
} from "../../lib/form-values"
import { ALL_SEGMENTS, sendIfChanged, useAdminMutation, useSegments } from "../../lib/queries"
import type { Segment, Tier } from "../../../contract/admin"
import { SegmentDrawer } from "./segment-form"
import { TierDrawer } from "../tier-form"
import { FeatureGridDrawer } from "./feature-grid"

/** Which drawer the Segments page has open, and for what. */
export type SegmentDialog =
  | { kind: "create-segment" }
  | { kind: "edit-segment"; segment: Segment }
  | { kind: "clone-segment"; segment: Segment }
  | { kind: "add-tier"; segment: Segment; level: number }
  | { kind: "edit-tier"; tier: Tier }
  | { kind: "features"; segment: Segment }

type DialogProps<K extends SegmentDialog["kind"]> = {
  dialog: Extract<SegmentDialog, { kind: K }>
  onClose: () => void
}

export function SegmentDialogs({ dialog, onClose }: { dialog: SegmentDialog | null; onClose: () => void }) {
  switch (dialog?.kind) {
    case "create-segment":
      return <CreateSegment dialog={dialog} onClose={onClose} />
    case "edit-segment":
      return <EditSegment dialog={dialog} onClose={onClose} />
    case "clone-segment":
      return <CloneSegment dialog={dialog} onClose={onClose} />
    case "add-tier":
      return <AddTier dialog={dialog} onClose={onClose} />
    case "edit-tier":
      return <EditTier dialog={dialog} onClose={onClose} />
    case "features":
      return <FeatureGridDrawer segment={dialog.segment} onClose={onClose} />
    default:
      return null
  }
}

const closeOn = (onClose: () => void) => (open: boolean) => {
  if (!open) onClose()
}

function CreateSegment({ onClose }: DialogProps<"create-segment">) {
  const mutation = useAdminMutation(createSegment, "Segment created")
  return (
    <SegmentDrawer
      open
      onOpenChange={closeOn(onClose)}
      title="Create segment"
      submitLabel="Create"
      initial={segmentFormValues()}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(segmentPayload(values), { onSuccess: onClose })}
    />
  )
}

function EditSegment({ dialog, onClose }: DialogProps<"edit-segment">) {
  const initial = segmentFormValues(dialog.segment)
  const mutation = useAdminMutation(
    (values: SegmentFormValues) =>
      updateSegment(dialog.segment.id, changedFields(segmentPayload(initial), segmentPayload(values))),
    "Segment saved"
  )
  return (
    <SegmentDrawer
      open
      onOpenChange={closeOn(onClose)}
      title={`Edit ${dialog.segment.name}`}
      submitLabel="Save"
      initial={initial}
      submitting={mutation.isPending}
      onSubmit={(values) =>
        sendIfChanged(segmentPayload(initial), segmentPayload(values), onClose, () =>
          mutation.mutate(values, { onSuccess: onClose })
        )
      }
    />
  )
}

function CloneSegment({ dialog, onClose }: DialogProps<"clone-segment">) {
  const source = segmentFormValues(dialog.segment)
  const mutation = useAdminMutation(
    (values: SegmentFormValues) => cloneSegment(dialog.segment.id, segmentPayload(values)),
    "Segment cloned"
  )
  return (
    <SegmentDrawer
      open
      onOpenChange={closeOn(onClose)}
      title={`Clone ${dialog.segment.name}`}
      submitLabel="Clone"
      // The copy starts with the source's copy text and numbers; only handle and name are asked.
      initial={{ ...source, handle: `${source.handle}-copy`, name: `${source.name} (copy)` }}
      identityOnly
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values, { onSuccess: onClose })}
    />
  )
}

function AddTier({ dialog, onClose }: DialogProps<"add-tier">) {
  const mutation = useAdminMutation(
    (values: TierFormValues) => createTier(dialog.segment.id, tierPayload(values)),
    "Tier added"
  )
  return (
    <TierDrawer
      open
      onOpenChange={closeOn(onClose)}
      title={`Add a tier to ${dialog.segment.name}`}
      submitLabel="Add tier"
      initial={tierFormValues(undefined, { segment_id: dialog.segment.id, level: String(dialog.level) })}
      segment={dialog.segment}
      submitting={mutation.isPending}
      onSubmit={(values) => mutation.mutate(values, { onSuccess: onClose })}
    />
  )
}

function EditTier({ dialog, onClose }: DialogProps<"edit-tier">) {
  const { data } = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset)
  const initial = tierFormValues(dialog.tier)
  const mutation = useAdminMutation(
    (values: TierFormValues) => updateTier(dialog.tier.id, tierChanges(initial, values)),
    "Tier saved"
  )
  return (
    <TierDrawer
      open
      onOpenChange={closeOn(onClose)}
      title={`Edit ${dialog.tier.name}`}
      submitLabel="Save"
      initial={initial}
      segments={data?.segments ?? []}
      submitting={mutation.isPending}
      onSubmit={(values) =>
        sendIfChanged(initial, values, onClose, () => mutation.mutate(values, { onSuccess: onClose }))
      }
    />
  )
}
