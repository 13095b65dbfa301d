import { defineRouteConfig } from "@medusajs/admin-sdk"
import { BuildingStorefront, TriangleRightMini } from "@medusajs/icons"
import { Container, Text } from "@medusajs/ui"
import { Link } from "react-router-dom"
import { PageHeader } from "../../components/page-header"

// In the sidebar's order: each page's `rank` in its own config follows this list.
const PAGES: { path: string; label: string; description: string }[] = [
  { path: "segments", label: "Segments", description: "Segments and their tier matrix: create, edit, clone, archive." },
  { path: "pricing-rules", label: "Pricing rules", description: "Date pricing rules by priority, with a per-date price preview." },
  { path: "availability", label: "Availability", description: "A tenant's capacity, calendar, blackouts, and the booking check's repairs and flags." },
  { path: "upsell-rules", label: "Upsell rules", description: "When to offer an upgrade or add-on, and with which incentive." },
  { path: "experiments", label: "Experiments", description: "A/B tests of upsell variants, with a visitor's assignment." },
  { path: "tier-analytics", label: "Tier analytics", description: "Funnel, revenue, tier popularity, upsell and experiment reports." },
  { path: "commission-payouts", label: "Commission & payouts", description: "Each tenant's commission per segment and its Stripe account." },
  { path: "tier-flags", label: "Tier flags", description: "Turn the tiered catalog and upsell on or off, roll out, and choose tenants." },
  { path: "rollout", label: "Rollout", description: "Each feature's stage of tenants, its guardrails, and the history of changes and rollbacks." },
  { path: "balances", label: "Balances", description: "Balances due and overdue across tenants, with CSV export." },
]

const TieredPage = () => (
  <Container className="divide-y p-0">
    <PageHeader title="Tiered storefront" description="Segments, tiers, pricing, upsell and analytics for service packages." />
    <ul data-testid="tiered-pages">
      {PAGES.map((page) => (
        <li key={page.path} className="border-ui-border-base border-b last:border-b-0">
          <Link
            to={`/tiered/${page.path}`}
            className="hover:bg-ui-bg-base-hover flex items-center justify-between gap-x-4 px-6 py-4 outline-none focus-visible:shadow-borders-focus"
          >
            <div>
              <Text size="small" weight="plus" leading="compact">
                {page.label}
              </Text>
              <Text size="small" className="text-ui-fg-subtle">
                {page.description}
              </Text>
            </div>
            <TriangleRightMini className="text-ui-fg-muted shrink-0" />
          </Link>
        </li>
      ))}
    </ul>
  </Container>
)

export const config = defineRouteConfig({
  label: "Tiered storefront",
  icon: BuildingStorefront,
})

export default TieredPage
