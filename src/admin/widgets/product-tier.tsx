import { defineWidgetConfig } from "@medusajs/admin-sdk"
import type { AdminProduct, DetailWidgetProps } from "@medusajs/framework/types"
import { PencilSquare, XCircle } from "@medusajs/icons"
import { Badge, Button, Container, Heading, Text, toast, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { ActionMenu } from "../components/action-menu"
import { DetailRow } from "../components/detail-row"
import { TierDrawer } from "../components/tier-form"
import { createTier, removeTierProduct, updateTier } from "../lib/api"
import { errorMessage, tierChanges, tierFormValues, tierPayload, type TierFormValues } from "../lib/form-values"
import { ALL_SEGMENTS, sendIfChanged, useAdminMutation, useProductTiers, useSegments } from "../lib/queries"
import type { Tier } from "../../contract/admin"
import { featureStrings } from "../../lib/comparison"

const ProductTierWidget = ({ data: product }: DetailWidgetProps<AdminProduct>) => {
  const { data: tiers, isLoading, isError, error } = useProductTiers(product.id)
  // Both drawers stay mounted so the assign drawer can close itself once the new tier has loaded.
  const [drawer, setDrawer] = useState<"assign" | "edit" | null>(null)
  const openChange = (kind: "assign" | "edit") => (open: boolean) => setDrawer(open ? kind : null)
  const prompt = usePrompt()
  const remove = useAdminMutation(removeTierProduct, "Product removed from its tier")
  // A product is the package of at most one live tier.
  const tier = tiers?.[0]

  const confirmRemove = async (tier: Tier) => {
    const confirmed = await prompt({
      title: "Remove from tier?",
      description: `${product.title} stops being the package of tier "${tier.name}". The tier stays in its segment.`,
      confirmText: "Remove",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(tier.id)
  }

  return (
    <Container className="divide-y p-0" data-testid="product-tier-widget">
      <div className="flex items-center justify-between px-6 py-4">
        <Heading level="h2">Tier</Heading>
        {tier ? (
          <ActionMenu
            label="Tier actions"
            actions={[
              { label: "Edit", icon: <PencilSquare />, onClick: () => setDrawer("edit") },
              { label: "Remove from tier", icon: <XCircle />, onClick: () => confirmRemove(tier), danger: true },
            ]}
          />
        ) : (
          !isLoading &&
          !isError && (
            <Button size="small" variant="secondary" onClick={() => setDrawer("assign")} data-testid="assign-tier">
              Assign
            </Button>
          )
        )}
      </div>
      {isLoading && <DetailRow label="Status" value="Loading…" />}
      {isError && <DetailRow label="Error" value={errorMessage(error)} />}
      {!isLoading && !isError && !tier && (
        <div className="px-6 py-4">
          <Text size="small" className="text-ui-fg-subtle">
            This product is not the package of any tier.
          </Text>
        </div>
      )}
      {tier && <TierSummary tier={tier} />}
      <AssignTierDrawer product={product} open={drawer === "assign" && !tier} onOpenChange={openChange("assign")} />
      {tier && <EditTierDrawer tier={tier} open={drawer === "edit"} onOpenChange={openChange("edit")} />}
    </Container>
  )
}

function TierSummary({ tier }: { tier: Tier }) {
  return (
    <div data-testid="product-tier-summary">
      <DetailRow label="Segment" value={tier.segment?.name ?? tier.segment_id} testId="product-tier-segment" />
      <DetailRow label="Level" value={String(tier.level)} testId="product-tier-level" />
      <DetailRow
        label="Name"
        value={
          <span className="flex items-center gap-x-1">
            {tier.name}
            {tier.is_popular && (
              <Badge size="2xsmall" color="purple">
                Popular
              </Badge>
            )}
          </span>
        }
        testId="product-tier-name"
      />
      <DetailRow label="Max guests" value={tier.max_guests ? String(tier.max_guests) : "No limit"} />
      <div className="px-6 py-4">
        <Text size="small" weight="plus">
          Features
        </Text>
        {tier.features.length ? (
          <ul className="mt-1 list-disc pl-5">
            {featureStrings(tier.features).map((feature) => (
              <li key={feature}>
                <Text size="small" className="text-ui-fg-subtle">
                  {feature}
                </Text>
              </li>
            ))}
          </ul>
        ) : (
          <Text size="small" className="text-ui-fg-subtle">
            None
          </Text>
        )}
      </div>
    </div>
  )
}

type DrawerProps = { open: boolean; onOpenChange: (open: boolean) => void }

function AssignTierDrawer({ product, open, onOpenChange }: DrawerProps & { product: AdminProduct }) {
  // The segment picker loads when a drawer opens, not with every product page.
  const { data } = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset, { enabled: open })
  const mutation = useAdminMutation(
    (values: TierFormValues) =>
      createTier(values.segment_id, { ...tierPayload(values), product_id: product.id }),
    "Product assigned to the tier"
  )
  const submit = (values: TierFormValues) => {
    if (!values.segment_id) {
      toast.error("Choose a segment for the tier")
      return
    }
    mutation.mutate(values, { onSuccess: () => onOpenChange(false) })
  }
  return (
    <TierDrawer
      open={open}
      onOpenChange={onOpenChange}
      title="Assign to a tier"
      submitLabel="Assign"
      initial={tierFormValues(undefined, { name: product.title })}
      segments={data?.segments ?? []}
      submitting={mutation.isPending}
      onSubmit={submit}
    />
  )
}

function EditTierDrawer({ tier, open, onOpenChange }: DrawerProps & { tier: Tier }) {
  const { data } = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset, { enabled: open })
  const initial = tierFormValues(tier)
  const mutation = useAdminMutation(
    (values: TierFormValues) => updateTier(tier.id, tierChanges(initial, values)),
    "Tier saved"
  )
  const close = () => onOpenChange(false)
  return (
    <TierDrawer
      open={open}
      onOpenChange={onOpenChange}
      title={`Edit ${tier.name}`}
      submitLabel="Save"
      initial={initial}
      segments={data?.segments ?? []}
      submitting={mutation.isPending}
      onSubmit={(values) =>
        sendIfChanged(initial, values, close, () => mutation.mutate(values, { onSuccess: close }))
      }
    />
  )
}

export const config = defineWidgetConfig({
  zone: "product.details.side.after",
})

export default ProductTierWidget
