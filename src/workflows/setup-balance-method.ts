import { MedusaError, Modules } from "@medusajs/framework/utils"
import { createStep, createWorkflow, StepResponse, transform, when, WorkflowResponse } from "@medusajs/framework/workflows-sdk"
import { createPaymentAccountHolderStep, createRemoteLinkStep, useQueryGraphStep } from "@medusajs/medusa/core-flows"
import type { AccountHolderDTO } from "@medusajs/framework/types"
import { checkBalanceMethodOwnerStep, BalanceMethodOwnerInput } from "./steps/save-balance-method"

type SetupInput = BalanceMethodOwnerInput

/** Asks the provider to save a method to the customer's account holder (Stripe: a setup intent the browser confirms). */
const createBalanceMethodSetupStep = createStep("create-balance-method-setup", async (input: { provider_id: string; account_holder?: AccountHolderDTO }, { container }) => {
  if (!input.account_holder?.id) {
    throw new MedusaError(MedusaError.Types.INVALID_DATA, `Payment provider ${input.provider_id} keeps no accounts, so it cannot save a payment method`)
  }
  const payment = container.resolve(Modules.PAYMENT)
  const [created] = await payment.createPaymentMethods([
    { provider_id: input.provider_id, context: { account_holder: input.account_holder }, data: { usage: "off_session" } },
  ])
  const data = (created.data ?? {}) as { client_secret?: unknown; status?: unknown }
  return new StepResponse({
    id: created.id,
    provider_id: input.provider_id,
    client_secret: typeof data.client_secret === "string" ? data.client_secret : null,
    status: typeof data.status === "string" ? data.status : null,
  })
})

/**
 * The order's signed-in customer starts saving a method for the balance's due-date charge (README
 * "Balances": saved methods): Medusa's account holder for the provider (made and linked to the
 * customer as Medusa's payment-session workflow does, when there is none), then the provider's
 * setup for it. The browser confirms it with the provider; the method is then chosen with
 * `POST /store/orders/:id/balance-payment/saved-method`.
 */
export const setupBalanceMethodWorkflow = createWorkflow("setup-balance-method", (input: SetupInput) => {
  const owner = checkBalanceMethodOwnerStep(input)
  const { data: customers } = useQueryGraphStep({
    entity: "customer",
    fields: ["id", "email", "first_name", "last_name", "phone", "company_name", "metadata", "account_holders.*"],
    filters: { id: owner.customer_id },
    options: { throwIfKeyNotFound: true },
  }).config({ name: "balance-method-customer" })
  const existing = transform({ customers, input }, ({ customers, input }) =>
    ((customers[0] as { account_holders?: (AccountHolderDTO | null)[] | null }).account_holders ?? []).find((h) => h?.provider_id === input.provider_id) ?? undefined
  )
  const holder = createPaymentAccountHolderStep(
    transform({ customers, existing, input }, ({ customers, existing, input }) => ({
      provider_id: input.provider_id,
      context: { account_holder: existing, customer: customers[0] as never },
    }))
  ).config({ noCompensation: true })
  when("balance-method-holder-new", { existing, holder }, ({ existing, holder }) => !existing && !!holder?.id).then(() => {
    createRemoteLinkStep(
      transform({ owner, holder }, ({ owner, holder }) => [
        { [Modules.CUSTOMER]: { customer_id: owner.customer_id }, [Modules.PAYMENT]: { account_holder_id: holder.id } },
      ])
    ).config({ noCompensation: true })
  })
  const setup = createBalanceMethodSetupStep(transform({ holder, input }, ({ holder, input }) => ({ provider_id: input.provider_id, account_holder: holder })))
  return new WorkflowResponse(setup)
})
