import { defineRouteConfig } from "@medusajs/admin-sdk"
import { CreditCard } from "@medusajs/icons"
import { Container } from "@medusajs/ui"
import { useSearchParams } from "react-router-dom"
import { TenantCommission } from "../../../components/commission-payouts/tenant-commission"
import { TenantDeposits } from "../../../components/commission-payouts/tenant-deposits"
import { TenantConnect } from "../../../components/commission-payouts/tenant-connect"
import { Message } from "../../../components/message"
import { PageHeader } from "../../../components/page-header"
import { TenantSelect } from "../../../components/tenant-select"

const CommissionPayoutsPage = () => {
  const [params, setParams] = useSearchParams()
  const channelId = params.get("sales_channel_id") ?? ""
  const choose = (id: string) => setParams({ sales_channel_id: id }, { replace: true })

  return (
    <div className="flex flex-col gap-y-3">
      <Container className="p-0">
        <PageHeader
          title="Commission & payouts"
          description="Each tenant's commission per segment, its deposit at checkout, and its Stripe account for payouts."
          alignEnd
        >
          <div className="w-72">
            <TenantSelect id="payouts-tenant" value={channelId} onChange={choose} />
          </div>
        </PageHeader>
      </Container>
      {channelId ? (
        <>
          <TenantCommission key={`commission-${channelId}`} channelId={channelId} />
          <TenantDeposits key={`deposits-${channelId}`} channelId={channelId} />
          <TenantConnect key={`connect-${channelId}`} channelId={channelId} />
        </>
      ) : (
        <Container className="p-0">
          <Message>Choose a tenant to see its commission and payouts.</Message>
        </Container>
      )}
    </div>
  )
}

export const config = defineRouteConfig({
  label: "Commission & payouts",
  icon: CreditCard,
  rank: 7,
})

export default CommissionPayoutsPage
