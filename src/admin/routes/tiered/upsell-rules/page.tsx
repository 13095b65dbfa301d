import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Sparkles } from "@medusajs/icons"
import { Container, usePrompt } from "@medusajs/ui"
import { useState } from "react"
import { ListHeader } from "../../../components/list-header"
import { Message } from "../../../components/message"
import { Pager } from "../../../components/pager"
import { RuleDrawer, type RuleDialog } from "../../../components/upsell-rules/rule-drawer"
import { RulesTable, type RowActions } from "../../../components/upsell-rules/rules-table"
import { deleteUpsellRule, updateUpsellRule } from "../../../lib/api"
import { errorMessage } from "../../../lib/form-values"
import { useAdminMutation, useChannelNames, useErrorToast, useSegmentNames, useUpsellRules } from "../../../lib/queries"
import { ACTIVE_FILTERS, upsellRulesQuery, type ActiveFilter } from "../../../lib/upsell-rules"

const PAGE_SIZE = 20

const UpsellRulesPage = () => {
  const [dialog, setDialog] = useState<RuleDialog | null>(null)
  const [filter, setFilter] = useState<ActiveFilter>("all")
  const [offset, setOffset] = useState(0)
  const rules = useUpsellRules(upsellRulesQuery(filter, PAGE_SIZE, offset))
  const { name: segmentName } = useSegmentNames()
  const channels = useChannelNames()
  const toggle = useAdminMutation(updateUpsellRule, "Upsell rule saved")
  const remove = useAdminMutation(deleteUpsellRule, "Upsell rule deleted")
  const prompt = usePrompt()
  useErrorToast("Upsell rules could not be loaded", rules.error)
  const list = rules.data?.upsell_rules ?? []
  const count = rules.data?.count ?? 0

  const actions: RowActions = {
    edit: (rule) => setDialog({ kind: "edit", rule }),
    toggle: (rule) => toggle.mutate({ id: rule.id, body: { is_active: !rule.is_active } }),
    remove: async (rule) => {
      const confirmed = await prompt({
        title: `Delete ${rule.name}?`,
        description: "Storefronts stop receiving its offers at once. This cannot be undone.",
        confirmText: "Delete",
        cancelText: "Cancel",
      })
      if (!confirmed) return
      // The last row of a page leaves an empty page behind.
      remove.mutate(rule.id, { onSuccess: () => list.length === 1 && offset > 0 && setOffset(offset - PAGE_SIZE) })
    },
  }

  return (
    <Container className="divide-y p-0">
      <ListHeader
        title="Upsell rules"
        description="When a visitor's context meets a rule's trigger, the storefront gets its offer: highest priority first."
        filter={{
          value: filter,
          options: ACTIVE_FILTERS,
          onChange: (v) => {
            setFilter(v)
            setOffset(0)
          },
          testId: "upsell-rule-filter",
        }}
        create={{ label: "Create rule", onClick: () => setDialog({ kind: "create" }), testId: "create-upsell-rule" }}
      />
      {rules.isLoading && <Message>Loading upsell rules…</Message>}
      {rules.isError && <Message>Upsell rules could not be loaded: {errorMessage(rules.error)}</Message>}
      {rules.data && list.length === 0 && (
        <Message>{filter === "all" ? "No upsell rules yet. Storefronts get no offers." : `No ${filter} upsell rules.`}</Message>
      )}
      {list.length > 0 && <RulesTable rules={list} segmentName={segmentName} channelName={channels.name} actions={actions} />}
      {count > PAGE_SIZE && <Pager offset={offset} pageSize={PAGE_SIZE} count={count} noun="rules" onChange={setOffset} />}
      {dialog && <RuleDrawer dialog={dialog} onClose={() => setDialog(null)} />}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Upsell rules",
  icon: Sparkles,
  rank: 4,
})

export default UpsellRulesPage
