import { defineRouteConfig } from "@medusajs/admin-sdk"
import { ArrowDownTray, CurrencyDollar } from "@medusajs/icons"
import { Button, Container, Select, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { useSearchParams } from "react-router-dom"
import { BalancesTable } from "../../../components/balances/balances-table"
import { Field } from "../../../components/form-drawer"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { Pager } from "../../../components/pager"
import { TenantSelect } from "../../../components/tenant-select"
import { getBalancesCsv } from "../../../lib/api"
import { saveFile } from "../../../lib/save-file"
import { errorMessage } from "../../../lib/form-values"
import { useBalances, useErrorToast } from "../../../lib/queries"

const ALL = "all"
const PAGE_SIZE = 50

const BalancesPage = () => {
  const [params, setParams] = useSearchParams()
  const tenant = params.get("sales_channel_id") ?? ALL
  const status = params.get("status") ?? ALL
  const offset = Number(params.get("offset") ?? 0) || 0
  const set = (change: Record<string, string>) => {
    const next = { sales_channel_id: tenant, status, offset: "0", ...change }
    setParams(Object.fromEntries(Object.entries(next).filter(([, v]) => v !== ALL && v !== "0")), { replace: true })
  }
  const filter = {
    ...(tenant !== ALL ? { sales_channel_id: tenant } : {}),
    ...(status === "due" || status === "overdue" ? { status: status as "due" | "overdue" } : {}),
  }
  const balances = useBalances({ ...filter, limit: PAGE_SIZE, offset })
  useErrorToast("Balances could not be loaded", balances.error)
  const download = useMutation({
    mutationFn: () => getBalancesCsv(filter),
    onSuccess: saveFile,
    onError: (error) => toast.error("The CSV could not be downloaded", { description: errorMessage(error) }),
  })

  return (
    <Container className="divide-y p-0">
      <PageHeader title="Balances" description="Orders whose balance is still due or overdue, across tenants, earliest due date first." alignEnd>
        <div className="flex flex-wrap items-end gap-3">
          <div className="w-56">
            <TenantSelect id="balances-tenant" label="Tenant" value={tenant} onChange={(id) => set({ sales_channel_id: id })} all={{ value: ALL, label: "All tenants" }} />
          </div>
          <div className="w-40">
            <Field id="balances-status" label="Status">
              <Select value={status} onValueChange={(value) => set({ status: value })}>
                <Select.Trigger id="balances-status" data-testid="balances-status">
                  <Select.Value />
                </Select.Trigger>
                <Select.Content>
                  <Select.Item value={ALL}>Due and overdue</Select.Item>
                  <Select.Item value="due">Due</Select.Item>
                  <Select.Item value="overdue">Overdue</Select.Item>
                </Select.Content>
              </Select>
            </Field>
          </div>
          <Button size="small" variant="secondary" isLoading={download.isPending} onClick={() => download.mutate()} data-testid="export-balances">
            <ArrowDownTray />
            Export CSV
          </Button>
        </div>
      </PageHeader>
      {balances.isLoading && <Message>Loading…</Message>}
      {balances.data && !balances.data.count && <Message>No balance is due.</Message>}
      {balances.data && balances.data.count > 0 && (
        <>
          <BalancesTable rows={balances.data.balances} />
          <Pager offset={offset} pageSize={PAGE_SIZE} count={balances.data.count} noun="balances" onChange={(o) => set({ offset: String(o) })} />
        </>
      )}
    </Container>
  )
}

export const config = defineRouteConfig({
  label: "Balances",
  icon: CurrencyDollar,
  rank: 9,
})

export default BalancesPage
