import { Input, Label, Text } from "@medusajs/ui"
import { useState } from "react"
import { ChoiceList, FormError } from "../form-controls"
import { EditDrawer, Field } from "../form-drawer"
import { createExperiment, updateExperiment } from "../../lib/api"
import { drawerSubmission } from "../../lib/drawer-submit"
import { experimentChanges, experimentFormValues, experimentPayload, variantPayload, type ExperimentFormValues } from "../../lib/experiments"
import { useAdminMutation, useChannelNames, useErrorToast, useUpsellRules } from "../../lib/queries"
import type { Experiment } from "../../../contract/admin"
import { VariantList } from "./variant-list"
import { VariantsEditor } from "./variants-editor"

export type ExperimentDialog = { kind: "create" } | { kind: "edit"; experiment: Experiment }

export function ExperimentDrawer({ dialog, onClose }: { dialog: ExperimentDialog; onClose: () => void }) {
  const channels = useChannelNames()
  const rules = useUpsellRules({ limit: 200, offset: 0 })
  useErrorToast("Upsell rules could not be loaded", rules.error)
  const ruleOptions = (rules.data?.upsell_rules ?? []).map((r) => ({ value: r.id, label: r.name }))
  const editing = dialog.kind === "edit" ? dialog.experiment : undefined
  const status = editing?.status ?? "draft"
  const frozen = status !== "draft"
  const [initial] = useState(() => experimentFormValues(editing))
  const [values, setValues] = useState(initial)
  const create = useAdminMutation(createExperiment, "Experiment created")
  const update = useAdminMutation(updateExperiment, "Experiment saved")
  const set = <K extends keyof ExperimentFormValues>(key: K, value: ExperimentFormValues[K]) => setValues({ ...values, [key]: value })

  const { submit, submitting, error } = drawerSubmission({
    editingId: editing?.id,
    body: () => experimentPayload(values),
    changes: () => experimentChanges(status, initial, values),
    create,
    update,
    onClose,
  })

  return (
    <EditDrawer
      title={editing ? `Edit ${editing.name}` : "Create experiment"}
      testId="experiment-drawer"
      onClose={onClose}
      submitLabel={editing ? "Save" : "Create draft"}
      submitting={submitting}
      onSubmit={submit}
    >
      <FormError error={error} />
      <div className="grid grid-cols-2 gap-x-2">
        <Field id="experiment-key" label="Key" hint={frozen ? "Fixed once started." : "Lowercase letters, digits, - or _; it seeds the visitors' buckets."}>
          <Input id="experiment-key" value={values.key} disabled={frozen} onChange={(e) => set("key", e.target.value)} />
        </Field>
        <Field id="experiment-name" label="Name">
          <Input id="experiment-name" value={values.name} onChange={(e) => set("name", e.target.value)} />
        </Field>
      </div>
      <Field
        id="experiment-traffic"
        label="Traffic %"
        hint="Share of visitors in the experiment. Raising it only adds visitors; nobody moves to another variant."
      >
        <Input
          id="experiment-traffic"
          type="number"
          min={0}
          max={100}
          step="any"
          value={values.traffic_percent}
          onChange={(e) => set("traffic_percent", e.target.value)}
        />
      </Field>
      <ChoiceList
        id="experiment-tenant"
        label="Tenants"
        hint="None ticked: every tenant's visitors can take part."
        options={channels.list.map((c) => ({ value: c.id, label: c.name }))}
        selected={values.sales_channel_ids}
        onChange={(ids) => set("sales_channel_ids", ids)}
      />
      {frozen ? (
        <Field id="experiment-rules" label="Upsell rules" hint="Fixed once started.">
          <Text size="small" id="experiment-rules">
            {values.rule_ids.length
              ? values.rule_ids.map((id) => ruleOptions.find((o) => o.value === id)?.label ?? id).join(", ")
              : "Every rule"}
          </Text>
        </Field>
      ) : (
        <ChoiceList
          id="experiment-rules"
          label="Upsell rules"
          hint="The rules whose offers the variants change. None ticked: every rule."
          options={ruleOptions}
          selected={values.rule_ids}
          onChange={(ids) => set("rule_ids", ids)}
        />
      )}
      {frozen ? (
        <div className="flex flex-col gap-y-2" data-testid="variants-read-only">
          <Label size="small" weight="plus">
            Variants
          </Label>
          <Text size="xsmall" className="text-ui-fg-subtle">
            A {status} experiment's variants cannot change, so its results describe one design. Stop it and create a new one to
            try other variants.
          </Text>
          <VariantList variants={values.variants.map(variantPayload)} />
        </div>
      ) : (
        <VariantsEditor variants={values.variants} onChange={(variants) => set("variants", variants)} />
      )}
    </EditDrawer>
  )
}
