import { Badge, Button, Input, Select, Text, Textarea } from "@medusajs/ui"
import { useState } from "react"
import { DetailRow } from "../detail-row"
import { FormError } from "../form-controls"
import { DrawerForm, Field, FormDrawer } from "../form-drawer"
import { Message } from "../message"
import { recordOfflinePayment, sendPaymentLink } from "../../lib/api"
import { chargeText, emptyOfflineForm, isTaken, OFFLINE_METHOD_LABELS, offlinePaymentBody, OfflineForm, paymentLabel, planStatusBadge } from "../../lib/balances"
import { errorMessage } from "../../lib/form-values"
import { formatEventDate } from "../../lib/order-tier-summary"
import { useAdminMutation, useOrderSchedule } from "../../lib/queries"
import { formatMoney } from "../../lib/tier-analytics"
import type { AdminOrderSchedule, OfflinePaymentMethod } from "../../../contract/admin"

/** The order's payment schedule: what it costs, what is paid and owed by when, with the merchant's two actions. */
export function OrderSchedule({ orderId }: { orderId: string }) {
  const { data: schedule, isLoading, isError, error } = useOrderSchedule(orderId)
  if (isLoading) return <Message>Loading the payment schedule…</Message>
  if (isError) return <Message>The payment schedule could not be loaded: {errorMessage(error)}</Message>
  if (!schedule) return null
  return <Schedule orderId={orderId} schedule={schedule} />
}

function Schedule({ orderId, schedule }: { orderId: string; schedule: AdminOrderSchedule }) {
  const plan = schedule.payment_plan
  const money = (amount: number) => formatMoney(amount, plan.currency_code)
  const status = planStatusBadge(plan.status)
  const owing = plan.balance > 0 && !schedule.canceled
  const [recording, setRecording] = useState(false)
  return (
    <div data-testid="order-schedule">
      <div className="px-6 pt-4">
        <Text size="small" weight="plus">
          Payment schedule
        </Text>
      </div>
      <DetailRow label="Total" value={money(plan.total)} testId="order-schedule-total" />
      <DetailRow label="Paid" value={money(plan.paid)} testId="order-schedule-paid" />
      <DetailRow label="Balance" value={money(plan.balance)} testId="order-schedule-balance" />
      <DetailRow label="Due" value={plan.balance_due_date ? formatEventDate(plan.balance_due_date) : "—"} testId="order-schedule-due-date" />
      <DetailRow
        label="Status"
        value={
          <Badge size="2xsmall" color={status.color}>
            {status.label}
          </Badge>
        }
        testId="order-schedule-status"
      />
      {plan.instalments && (
        <div data-testid="order-schedule-instalments">
          {plan.instalments.map((i) => {
            const badge = planStatusBadge(i.status)
            return (
              <DetailRow
                key={i.number}
                label={`Payment ${i.number} of ${plan.instalments!.length} · ${formatEventDate(i.due_date)}`}
                value={
                  <span className="flex items-center gap-x-2">
                    {money(i.amount)}
                    <Badge size="2xsmall" color={badge.color}>
                      {badge.label}
                    </Badge>
                  </span>
                }
                testId="order-schedule-instalment"
              />
            )
          })}
        </div>
      )}
      {schedule.charge?.provider_id && (
        <DetailRow
          label="Due-date charge"
          value={chargeText(schedule.charge)}
          testId="order-schedule-charge"
        />
      )}
      {schedule.charge?.last_error && <DetailRow label="Last error" value={schedule.charge.last_error} testId="order-schedule-last-error" />}
      <div data-testid="order-schedule-payments">
        {schedule.payments.filter(isTaken).map((p) => (
          <DetailRow key={p.payment_collection_id} label={paymentLabel(p)} value={money(p.amount)} testId="order-schedule-payment" />
        ))}
      </div>
      {owing && (
        <>
          <div className="flex justify-end gap-x-2 px-6 pb-4">
            <PaymentLinkButton orderId={orderId} />
            <Button size="small" variant="secondary" onClick={() => setRecording(true)} data-testid="order-schedule-record">
              Record offline payment
            </Button>
          </div>
          <FormDrawer open={recording} onOpenChange={setRecording} title="Record offline payment" testId="offline-payment-drawer">
            <OfflinePaymentForm orderId={orderId} balance={plan.balance} currency={plan.currency_code} onDone={() => setRecording(false)} />
          </FormDrawer>
        </>
      )}
    </div>
  )
}

function PaymentLinkButton({ orderId }: { orderId: string }) {
  const send = useAdminMutation(sendPaymentLink, "Payment link sent")
  return (
    <div className="flex flex-col items-end gap-y-2">
      <Button size="small" variant="secondary" isLoading={send.isPending} onClick={() => send.mutate(orderId)} data-testid="order-schedule-send-link">
        Send payment link
      </Button>
      {send.data && (
        <Text size="small" className="break-all" data-testid="order-schedule-link">
          <a href={send.data.url} target="_blank" rel="noreferrer" className="text-ui-fg-interactive">
            {send.data.url}
          </a>
        </Text>
      )}
    </div>
  )
}

function OfflinePaymentForm({ orderId, balance, currency, onDone }: { orderId: string; balance: number; currency: string; onDone: () => void }) {
  const [form, setForm] = useState<OfflineForm>(() => emptyOfflineForm(balance))
  const [problem, setProblem] = useState<string | null>(null)
  const record = useAdminMutation(recordOfflinePayment, "Payment recorded")
  const set = (change: Partial<OfflineForm>) => setForm({ ...form, ...change })
  const submit = () => {
    const parsed = offlinePaymentBody(form)
    if ("problem" in parsed) {
      setProblem(parsed.problem)
      return
    }
    setProblem(null)
    record.mutate({ orderId, body: parsed.body }, { onSuccess: onDone })
  }
  return (
    <DrawerForm submitLabel="Record payment" submitting={record.isPending} onSubmit={submit}>
      <Field id="offline-amount" label={`Amount (${currency.toUpperCase()})`} hint={`At most the balance, ${formatMoney(balance, currency)}.`}>
        <Input id="offline-amount" type="number" min={0} step="0.01" value={form.amount} onChange={(e) => set({ amount: e.target.value })} />
      </Field>
      <Field id="offline-method" label="Method">
        <Select value={form.method} onValueChange={(method) => set({ method: method as OfflinePaymentMethod })}>
          <Select.Trigger id="offline-method" data-testid="offline-method">
            <Select.Value />
          </Select.Trigger>
          <Select.Content>
            {Object.entries(OFFLINE_METHOD_LABELS).map(([value, label]) => (
              <Select.Item key={value} value={value}>
                {label}
              </Select.Item>
            ))}
          </Select.Content>
        </Select>
      </Field>
      <Field id="offline-reference" label="Reference" hint="The cheque number or the transfer's reference, if any.">
        <Input id="offline-reference" value={form.reference} maxLength={200} onChange={(e) => set({ reference: e.target.value })} />
      </Field>
      <Field id="offline-note" label="Note">
        <Textarea id="offline-note" value={form.note} maxLength={500} onChange={(e) => set({ note: e.target.value })} />
      </Field>
      {problem && (
        <Text size="small" className="text-ui-fg-error" data-testid="offline-problem">
          {problem}
        </Text>
      )}
      <FormError error={record.error} />
    </DrawerForm>
  )
}
