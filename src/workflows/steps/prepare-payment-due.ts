import { ContainerRegistrationKeys } from "@medusajs/framework/utils"
import { createStep, StepResponse } from "@medusajs/framework/workflows-sdk"
import { roundToMinor } from "../../lib/money"
import { cartPaymentDue, CartPaymentDue } from "../../queries/payment-plan"

export type PreparePaymentDueInput = { cart_id: string; payment_collection_id: string; sales_channel_ids: string[] }

/** What the cart pays now, and whether its payment collection asks for something else. */
export const preparePaymentDueStep = createStep(
  "prepare-payment-due",
  async (input: PreparePaymentDueInput, { container }) => {
    const query = container.resolve(ContainerRegistrationKeys.QUERY)
    const [due, { data }] = await Promise.all([
      cartPaymentDue(container, input.cart_id, input.sales_channel_ids),
      query.graph({ entity: "payment_collection", fields: ["id", "amount"], filters: { id: input.payment_collection_id } }),
    ])
    const amount = roundToMinor(Number((data[0] as { amount: unknown } | undefined)?.amount ?? NaN), due.currency_code)
    // A cart without packages keeps what Medusa set.
    const change = due.reason !== "no_packages" && amount !== due.due_now
    return new StepResponse<{ due: CartPaymentDue; change: boolean }>({ due, change })
  }
)
