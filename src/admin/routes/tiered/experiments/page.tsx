import { defineRouteConfig } from "@medusajs/admin-sdk"
import { Beaker, PencilSquare, PlaySolid, Plus, StopCircleSolid, Trash } from "@medusajs/icons"
import {
  Button,
  Container,
  Heading,
  IconButton,
  Input,
  Label,
  Select,
  StatusBadge,
  Table,
  Text,
  Textarea,
  usePrompt,
} from "@medusajs/ui"
import { useState, type FormEvent } from "react"
import { ActionMenu, type Action } from "../../../components/action-menu"
import { DrawerForm, Field, FormDrawer } from "../../../components/form-drawer"
import { CheckboxItem, ChoiceList, FormError } from "../../../components/form-controls"
import { ListHeader } from "../../../components/list-header"
import { Message } from "../../../components/message"
import { Pager } from "../../../components/pager"
import { createExperiment, deleteExperiment, startExperiment, stopExperiment, updateExperiment } from "../../../lib/api"
import {
  STATUS_LABELS,
  emptyVariant,
  experimentChanges,
  experimentFormValues,
  experimentPayload,
  variantChanges,
  variantPayload,
  variantShares,
  type ExperimentFormValues,
  type VariantFormValues,
} from "../../../lib/experiments"
import { submitDrawer } from "../../../lib/drawer-submit"
import { errorMessage, numberOrNull } from "../../../lib/form-values"
import {
  useAdminMutation,
  useErrorToast,
  useExperimentAssignment,
  useExperiments,
  useSalesChannels,
  useUpsellRules,
} from "../../../lib/queries"
import type { Experiment, ExperimentStatus, ExperimentVariant } from "../../../lib/types"

const PAGE_SIZE = 20

type StatusFilter = "all" | ExperimentStatus

function useChannelNames() {
  const channels = useSalesChannels()
  useErrorToast("Sales channels could not be loaded", channels.error)
  const list = channels.data ?? []
  const name = (id: string) => list.find((c) => c.id === id)?.name ?? id
  return { list, name }
}

function ExperimentStatusBadge({ status }: { status: ExperimentStatus }) {
  const { label, color } = STATUS_LABELS[status]
  return (
    <StatusBadge color={color} data-testid="experiment-status">
      {label}
    </StatusBadge>
  )
}

/** Each variant with its share of the experiment's visitors and what it changes. */
function VariantList({ variants }: { variants: ExperimentVariant[] }) {
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

// ---- the variants editor (drafts only) ----

function VariantsEditor({ variants, onChange }: { variants: VariantFormValues[]; onChange: (v: VariantFormValues[]) => void }) {
  const shares = variantShares(variants.map((v) => numberOrNull(v.weight) ?? 0))
  const setVariant = (index: number, variant: VariantFormValues) => onChange(variants.map((v, i) => (i === index ? variant : v)))
  return (
    <fieldset className="flex flex-col gap-y-3" data-testid="variants-editor">
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus">
          Variants
        </Label>
        <Text size="xsmall" className="text-ui-fg-subtle">
          2 to 10; weights are relative. Empty fields keep the rule's own copy and incentive.
        </Text>
      </div>
      {variants.map((variant, index) => {
        const n = index + 1
        const set = <K extends keyof VariantFormValues>(key: K, value: VariantFormValues[K]) => setVariant(index, { ...variant, [key]: value })
        return (
          <div key={index} className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md border px-3 py-2" data-testid={`variant-row-${n}`}>
            <div className="flex items-end gap-x-2">
              <Field id={`variant-${n}-key`} label={`Variant ${n} key`}>
                <Input id={`variant-${n}-key`} value={variant.key} onChange={(e) => set("key", e.target.value)} />
              </Field>
              <Field id={`variant-${n}-weight`} label="Weight">
                <Input
                  id={`variant-${n}-weight`}
                  className="w-20"
                  type="number"
                  min={0}
                  step="any"
                  value={variant.weight}
                  onChange={(e) => set("weight", e.target.value)}
                />
              </Field>
              <Text size="small" className="text-ui-fg-subtle w-14 pb-2" data-testid={`variant-${n}-share`}>
                {shares[index]}%
              </Text>
              <Field id={`variant-${n}-incentive`} label="Incentive %">
                <Input
                  id={`variant-${n}-incentive`}
                  className="w-24"
                  type="number"
                  step="any"
                  disabled={variant.upsell_off}
                  value={variant.incentive_percent}
                  onChange={(e) => set("incentive_percent", e.target.value)}
                />
              </Field>
              <IconButton
                size="small"
                variant="transparent"
                type="button"
                className="mb-1"
                aria-label={`Remove variant ${n}`}
                disabled={variants.length <= 2}
                onClick={() => onChange(variants.filter((_, i) => i !== index))}
              >
                <Trash />
              </IconButton>
            </div>
            <Field id={`variant-${n}-headline`} label="Headline override">
              <Input
                id={`variant-${n}-headline`}
                disabled={variant.upsell_off}
                value={variant.headline}
                onChange={(e) => set("headline", e.target.value)}
              />
            </Field>
            <Field id={`variant-${n}-body`} label="Body override">
              <Textarea
                id={`variant-${n}-body`}
                rows={2}
                disabled={variant.upsell_off}
                value={variant.body}
                onChange={(e) => set("body", e.target.value)}
              />
            </Field>
            <CheckboxItem
              id={`variant-${n}-upsell-off`}
              label="Upsell off (these visitors get no offers)"
              checked={variant.upsell_off}
              onChange={(on) => set("upsell_off", on)}
            />
          </div>
        )
      })}
      <div>
        <Button
          size="small"
          variant="secondary"
          type="button"
          disabled={variants.length >= 10}
          onClick={() => onChange([...variants, emptyVariant()])}
          data-testid="add-variant"
        >
          <Plus />
          Add variant
        </Button>
      </div>
    </fieldset>
  )
}

// ---- the drawer ----

type ExperimentDialog = { kind: "create" } | { kind: "edit"; experiment: Experiment }

function ExperimentDrawer({ dialog, onClose }: { dialog: ExperimentDialog; onClose: () => void }) {
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

  const submit = () =>
    submitDrawer({
      editingId: editing?.id,
      body: () => experimentPayload(values),
      changes: () => experimentChanges(status, initial, values),
      create,
      update,
      onClose,
    })

  return (
    <FormDrawer
      open
      onOpenChange={(open) => !open && onClose()}
      title={editing ? `Edit ${editing.name}` : "Create experiment"}
      testId="experiment-drawer"
    >
      <DrawerForm submitLabel={editing ? "Save" : "Create draft"} submitting={create.isPending || update.isPending} onSubmit={submit}>
        <FormError error={editing ? update.error : create.error} />
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
      </DrawerForm>
    </FormDrawer>
  )
}

// ---- the list ----

function ExperimentsTable({ experiments, channelName, actionsFor }: {
  experiments: Experiment[]
  channelName: (id: string) => string
  actionsFor: (experiment: Experiment) => Action[]
}) {
  return (
    <Table data-testid="experiments-table">
      <Table.Header>
        <Table.Row>
          <Table.HeaderCell>Experiment</Table.HeaderCell>
          <Table.HeaderCell>Status</Table.HeaderCell>
          <Table.HeaderCell className="text-right">Traffic</Table.HeaderCell>
          <Table.HeaderCell>Variants (share · change)</Table.HeaderCell>
          <Table.HeaderCell>Tenants</Table.HeaderCell>
          <Table.HeaderCell className="w-12" />
        </Table.Row>
      </Table.Header>
      <Table.Body>
        {experiments.map((experiment) => (
          <Table.Row key={experiment.id} data-testid="experiment-row" data-experiment-key={experiment.key} className="[&_td]:py-3">
            <Table.Cell>
              <div className="flex flex-col">
                <Text size="small" weight="plus">
                  {experiment.name}
                </Text>
                <Text size="xsmall" className="text-ui-fg-subtle font-mono">
                  {experiment.key}
                </Text>
              </div>
            </Table.Cell>
            <Table.Cell>
              <ExperimentStatusBadge status={experiment.status} />
            </Table.Cell>
            <Table.Cell className="text-right" data-testid="experiment-traffic">
              {experiment.traffic_percent}%
            </Table.Cell>
            <Table.Cell className="max-w-[420px] whitespace-normal">
              <VariantList variants={experiment.variants} />
            </Table.Cell>
            <Table.Cell className="max-w-[200px] whitespace-normal">
              {experiment.sales_channel_ids.length ? experiment.sales_channel_ids.map(channelName).join(", ") : "All tenants"}
            </Table.Cell>
            <Table.Cell>
              <ActionMenu label={`Actions for experiment ${experiment.name}`} actions={actionsFor(experiment)} />
            </Table.Cell>
          </Table.Row>
        ))}
      </Table.Body>
    </Table>
  )
}

// ---- checking a visitor ----

function VisitorCheck({ experiments }: { experiments: Experiment[] }) {
  const [experimentId, setExperimentId] = useState("")
  const [visitorId, setVisitorId] = useState("")
  const [asked, setAsked] = useState("")
  const chosen = experiments.find((e) => e.id === experimentId)
  const assignment = useExperimentAssignment(chosen ? experimentId : "", asked)

  const check = (event: FormEvent) => {
    event.preventDefault()
    setAsked(visitorId.trim())
  }

  return (
    <Container className="divide-y p-0" data-testid="visitor-check">
      <div className="px-6 py-4">
        <Heading level="h2">Check a visitor</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          The variant a visitor id gets, as the storefront's offers will use it.
        </Text>
      </div>
      <form className="grid grid-cols-1 items-end gap-4 px-6 py-4 md:grid-cols-[1fr_1fr_auto]" onSubmit={check}>
        <Field id="check-experiment" label="Experiment">
          <Select
            value={experimentId}
            onValueChange={(id) => {
              setExperimentId(id)
              setAsked("")
            }}
          >
            <Select.Trigger id="check-experiment" data-testid="check-experiment">
              <Select.Value placeholder={experiments.length ? "Choose an experiment" : "No experiments on this page"} />
            </Select.Trigger>
            <Select.Content>
              {experiments.map((experiment) => (
                <Select.Item key={experiment.id} value={experiment.id}>
                  {experiment.name} ({STATUS_LABELS[experiment.status].label.toLowerCase()})
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </Field>
        <Field id="check-visitor" label="Visitor id">
          <Input id="check-visitor" value={visitorId} onChange={(e) => setVisitorId(e.target.value)} />
        </Field>
        <Button size="small" variant="secondary" type="submit" disabled={!chosen || !visitorId.trim()} data-testid="check-visitor-submit">
          Check
        </Button>
      </form>
      {chosen && asked && (
        <div className="px-6 py-4" data-testid="assignment-result">
          {assignment.isLoading && <Text size="small">Checking…</Text>}
          {assignment.isError && <Text size="small">The check failed: {errorMessage(assignment.error)}</Text>}
          {assignment.data && (
            <Text size="small">
              {assignment.data.variant === null ? (
                <>
                  <span className="font-medium" data-testid="assignment-variant">
                    Not in the experiment
                  </span>{" "}
                  (outside its {chosen.traffic_percent}% traffic)
                </>
              ) : (
                <>
                  Visitor <span className="font-mono">{assignment.data.visitor_id}</span> gets variant{" "}
                  <span className="font-medium" data-testid="assignment-variant">
                    {assignment.data.variant}
                  </span>
                  {chosen.status !== "running" && ` once the experiment ${chosen.status === "draft" ? "starts" : "is running"}`}
                </>
              )}
            </Text>
          )}
        </div>
      )}
    </Container>
  )
}

// ---- the page ----

const STATUS_FILTERS: { value: StatusFilter; label: string }[] = [
  { value: "all", label: "All experiments" },
  { value: "draft", label: "Drafts" },
  { value: "running", label: "Running" },
  { value: "stopped", label: "Stopped" },
]

const ExperimentsPage = () => {
  const [dialog, setDialog] = useState<ExperimentDialog | null>(null)
  const [filter, setFilter] = useState<StatusFilter>("all")
  const [offset, setOffset] = useState(0)
  const experiments = useExperiments({ limit: PAGE_SIZE, offset, ...(filter === "all" ? {} : { status: filter }) })
  const channels = useChannelNames()
  const start = useAdminMutation(startExperiment, "Experiment started")
  const stop = useAdminMutation(stopExperiment, "Experiment stopped")
  const remove = useAdminMutation(deleteExperiment, "Experiment deleted")
  const prompt = usePrompt()
  useErrorToast("Experiments could not be loaded", experiments.error)
  const list = experiments.data?.experiments ?? []
  const count = experiments.data?.count ?? 0

  const confirm = (title: string, description: string, confirmText: string) =>
    prompt({ title, description, confirmText, cancelText: "Cancel" })

  const actionsFor = (experiment: Experiment): Action[] => {
    const edit: Action = { label: "Edit", icon: <PencilSquare />, onClick: () => setDialog({ kind: "edit", experiment }) }
    const del: Action = {
      label: "Delete",
      icon: <Trash />,
      danger: true,
      onClick: async () => {
        const effect = experiment.status === "running" ? "Its visitors get the rules' own offers again. " : ""
        if (await confirm(`Delete ${experiment.name}?`, `${effect}This cannot be undone.`, "Delete")) {
          remove.mutate(experiment.id)
        }
      },
    }
    switch (experiment.status) {
      case "draft":
        return [
          edit,
          {
            label: "Start",
            icon: <PlaySolid />,
            onClick: async () => {
              if (await confirm(`Start ${experiment.name}?`, "Visitors are assigned at once. Its key and variants can no longer change.", "Start")) {
                start.mutate(experiment.id)
              }
            },
          },
          del,
        ]
      case "running":
        return [
          edit,
          {
            label: "Stop",
            icon: <StopCircleSolid />,
            onClick: async () => {
              if (await confirm(`Stop ${experiment.name}?`, "Its visitors get the rules' own offers again. A stopped experiment cannot restart.", "Stop")) {
                stop.mutate(experiment.id)
              }
            },
          },
          del,
        ]
      case "stopped":
        return [del]
    }
  }

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="divide-y p-0">
        <ListHeader
          title="Experiments"
          description="A/B tests of upsell offers: each visitor in the traffic gets one variant, the same one on every visit."
          filter={{
            value: filter,
            options: STATUS_FILTERS,
            onChange: (v) => {
              setFilter(v)
              setOffset(0)
            },
            testId: "experiment-filter",
          }}
          create={{ label: "Create experiment", onClick: () => setDialog({ kind: "create" }), testId: "create-experiment" }}
        />
        {experiments.isLoading && <Message>Loading experiments…</Message>}
        {experiments.isError && <Message>Experiments could not be loaded: {errorMessage(experiments.error)}</Message>}
        {experiments.data && list.length === 0 && (
          <Message>{filter === "all" ? "No experiments yet. Every visitor gets the rules' own offers." : "No experiments with this status."}</Message>
        )}
        {list.length > 0 && <ExperimentsTable experiments={list} channelName={channels.name} actionsFor={actionsFor} />}
        {count > PAGE_SIZE && <Pager offset={offset} pageSize={PAGE_SIZE} count={count} noun="experiments" onChange={setOffset} />}
        {dialog && <ExperimentDrawer dialog={dialog} onClose={() => setDialog(null)} />}
      </Container>
      <VisitorCheck experiments={list} />
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Experiments",
  icon: Beaker,
  rank: 5,
})

export default ExperimentsPage
