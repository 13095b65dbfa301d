import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ReceiptPercent } from "@medusajs/icons"
import { Button, Container, Heading, Text, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { Message } from "../../../components/message"
import { PricePreviewPanel } from "../../../components/pricing-rules/price-preview"
import { RuleDrawer, type RuleDialog } from "../../../components/pricing-rules/rule-drawer"
import { RulesTable } from "../../../components/pricing-rules/rules-table"
import { deletePricingRule } from "../../../lib/api"
import { errorMessage } from "../../../lib/form-values"
import type { PricingRule } from "../../../lib/pricing-rules"
import { ALL_SEGMENTS, useAdminMutation, useErrorToast, usePricingRules, useSegments } from "../../../lib/queries"

const PricingRulesPage = () => {
  const [dialog, setDialog] = useState<RuleDialog | null>(null)
  const rules = usePricingRules()
  const segments = useSegments(ALL_SEGMENTS.limit, ALL_SEGMENTS.offset)
  const remove = useAdminMutation(deletePricingRule, "Pricing rule deleted")
  const prompt = usePrompt()
  useErrorToast("Pricing rules could not be loaded", rules.error)

  const confirmDelete = async (rule: PricingRule) => {
    const confirmed = await prompt({
      title: `Delete ${rule.label}?`,
      description: "Prices stop using this rule at once. Lines already in carts are re-priced at checkout. This cannot be undone.",
      confirmText: "Delete",
      cancelText: "Cancel",
    })
    if (confirmed) remove.mutate(rule.id)
  }

  const list = rules.data?.pricing_rules ?? []
  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <div className="flex items-center justify-between px-6 py-4">
          <div>
            <Heading level="h1">Pricing rules</Heading>
            <Text size="small" className="text-ui-fg-subtle">
              Date-driven price adjustments, applied by ascending priority on each tier's base price.
            </Text>
          </div>
          <Button size="small" variant="secondary" onClick={() => setDialog({ kind: "create" })} data-testid="create-pricing-rule">
            Create rule
          </Button>
        </div>
        {rules.isLoading && <Message>Loading pricing rules…</Message>}
        {rules.isError && <Message>Pricing rules could not be loaded: {errorMessage(rules.error)}</Message>}
        {rules.data && list.length === 0 && <Message>No pricing rules yet. Every date sells at the base price.</Message>}
        {list.length > 0 && (
          <RulesTable
            rules={list}
            segments={segments.data?.segments ?? []}
            onEdit={(rule) => setDialog({ kind: "edit", rule })}
            onDelete={confirmDelete}
          />
        )}
        {dialog && <RuleDrawer dialog={dialog} onClose={() => setDialog(null)} />}
      </Container>
      <PricePreviewPanel segments={segments.data?.segments ?? []} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Pricing rules",
  icon: ReceiptPercent,
  rank: 2,
})

export default PricingRulesPage
