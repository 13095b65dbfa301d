import { Input, Select, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { ChoiceList, FormError, SwitchItem } from "../form-controls"
import { EditDrawer, Field } from "../form-drawer"
import { TriggerBuilder } from "./trigger-builder"
import { createUpsellRule, updateUpsellRule } from "../../lib/api"
import { drawerSubmission } from "../../lib/drawer-submit"
import { changedFields } from "../../lib/form-values"
import { useAdminMutation, useChannelNames, useSegmentNames } from "../../lib/queries"
import type { UpsellAction, UpsellRule } from "../../../contract/admin"
import { ACTIONS, PLACEHOLDER_HINT, conditionProblem, ruleFormValues, rulePayload, type RuleFormValues } from "../../lib/upsell-rules"

export type RuleDialog = { kind: "create" } | { kind: "edit"; rule: UpsellRule }

export function RuleDrawer({ dialog, onClose }: { dialog: RuleDialog; onClose: () => void }) {
  const { segments, name } = useSegmentNames()
  const channels = useChannelNames()
  const editing = dialog.kind === "edit" ? dialog.rule : undefined
  const [initial] = useState(() => ruleFormValues(editing))
  const [values, setValues] = useState(initial)
  const [submitted, setSubmitted] = useState(false)
  const create = useAdminMutation(createUpsellRule, "Upsell rule created")
  const update = useAdminMutation(updateUpsellRule, "Upsell rule saved")
  const set = <K extends keyof RuleFormValues>(key: K, value: RuleFormValues[K]) => setValues({ ...values, [key]: value })

  const submission = drawerSubmission({
    editingId: editing?.id,
    body: () => rulePayload(values),
    changes: () => changedFields(rulePayload(initial), rulePayload(values)),
    create,
    update,
    onClose,
  })
  const submit = () => {
    setSubmitted(true)
    if (values.trigger.mode === "builder" && values.trigger.rows.some((row) => conditionProblem(row))) return
    submission.submit()
  }

  return (
    <EditDrawer
      title={editing ? `Edit ${editing.name}` : "Create upsell rule"}
      testId="upsell-rule-drawer"
      onClose={onClose}
      submitLabel={editing ? "Save" : "Create"}
      submitting={submission.submitting}
      onSubmit={submit}
    >
      <FormError error={submission.error} />
      <Field id="upsell-name" label="Name" hint="For you; shoppers never see it.">
        <Input id="upsell-name" value={values.name} onChange={(e) => set("name", e.target.value)} />
      </Field>
      <TriggerBuilder
        value={values.trigger}
        onChange={(trigger) => set("trigger", trigger)}
        segments={segments}
        segmentName={name}
        showProblems={submitted}
      />
      <div className="grid grid-cols-2 gap-x-2">
        <Field id="upsell-action" label="Action">
          <Select value={values.action} onValueChange={(v) => set("action", v as UpsellAction)}>
            <Select.Trigger id="upsell-action" data-testid="upsell-action">
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {ACTIONS.map((action) => (
                <Select.Item key={action.value} value={action.value}>
                  {action.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field id="upsell-incentive" label="Incentive %" hint="Optional, 0-50: off the upgrade or the add-ons.">
          <Input
            id="upsell-incentive"
            type="number"
            step="any"
            value={values.incentive_percent}
            onChange={(e) => set("incentive_percent", e.target.value)}
          />
        </Field>
      </div>
      <Field id="upsell-headline" label="Headline" hint={PLACEHOLDER_HINT}>
        <Input id="upsell-headline" value={values.headline} onChange={(e) => set("headline", e.target.value)} />
      </Field>
      <Field id="upsell-body" label="Body" hint="Optional; the same placeholders.">
        <Textarea id="upsell-body" rows={3} value={values.body} onChange={(e) => set("body", e.target.value)} />
      </Field>
      <div className="grid grid-cols-3 gap-x-2">
        <Field id="upsell-priority" label="Priority" hint="Higher is offered first.">
          <Input id="upsell-priority" type="number" value={values.priority} onChange={(e) => set("priority", e.target.value)} />
        </Field>
        <Field id="upsell-first-day" label="First day" hint="Empty: from now.">
          <Input id="upsell-first-day" type="date" value={values.first_day} onChange={(e) => set("first_day", e.target.value)} />
        </Field>
        <Field id="upsell-last-day" label="Last day" hint="Included; days in UTC.">
          <Input id="upsell-last-day" type="date" value={values.last_day} onChange={(e) => set("last_day", e.target.value)} />
        </Field>
      </div>
      <SwitchItem id="upsell-active" label="Active" checked={values.is_active} onChange={(on) => set("is_active", on)} />
      <ChoiceList
        id="upsell-tenant"
        label="Tenants"
        hint="None ticked: the rule runs for every tenant."
        options={channels.list.map((c) => ({ value: c.id, label: c.name }))}
        selected={values.sales_channel_ids}
        onChange={(ids) => set("sales_channel_ids", ids)}
      />
    </EditDrawer>
  )
}
