import {
  InitiatePaymentInput,
  InitiatePaymentOutput,
  RefundPaymentInput,
  RefundPaymentOutput,
  UpdatePaymentInput,
  UpdatePaymentOutput,
} from "@medusajs/framework/types"
import { MedusaError } from "@medusajs/framework/utils"
// Medusa's Stripe provider publishes only its module entry; extending its base class (and using its
// amount conversion) is how this provider stays Medusa's own Stripe code, not a copy of it.
/* eslint-disable @medusajs/import-from-framework-not-internal */
import StripeBase from "@medusajs/payment-stripe/dist/core/stripe-base"
import type { PaymentIntentOptions, StripeOptions } from "@medusajs/payment-stripe/dist/types"
import { getSmallestUnit } from "@medusajs/payment-stripe/dist/utils/get-smallest-unit"
/* eslint-enable @medusajs/import-from-framework-not-internal */
import type Stripe from "stripe"
import { stripeClient } from "../../modules/stripe-connect/service"
import { CONNECT_DATA_KEY, readConnectData, scaledFee } from "./connect-data"

export type StripeConnectProviderOptions = StripeOptions & {
  /** Another Stripe API host (a local double in tests, a proxy). */
  apiHost?: string
  apiPort?: number
  apiProtocol?: "http" | "https"
}

/**
 * Medusa's Stripe provider, with each payment intent sent to the tenant's
 * connected account (`transfer_data.destination`) and the platform's
 * commission as `application_fee_amount`. Both come from the server (see
 * api/utils/connect-payment.ts); a session without them is refused.
 */
export class StripeConnectProviderService extends StripeBase {
  static identifier = "stripe-connect"

  constructor(cradle: Record<string, unknown>, options: StripeConnectProviderOptions) {
    super(cradle, options)
    // The same client Stripe's provider builds, told where Stripe is.
    this.stripe_ = stripeClient(options) as unknown as StripeBase["stripe_"]
  }

  get paymentIntentOptions(): PaymentIntentOptions {
    return {}
  }

  normalizePaymentIntentParameters(extra?: Record<string, unknown>): Partial<Stripe.PaymentIntentCreateParams> {
    const params = super.normalizePaymentIntentParameters(extra) as Partial<Stripe.PaymentIntentCreateParams>
    const connect = readConnectData(extra)
    if (connect) {
      params.transfer_data = { destination: connect.destination }
      params.application_fee_amount = connect.application_fee_amount
    }
    return params
  }

  async initiatePayment(input: InitiatePaymentInput): Promise<InitiatePaymentOutput> {
    const connect = readConnectData(input.data)
    if (!connect) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "A Stripe Connect payment needs the store's connected account and fee, which the store API sets; this session has none"
      )
    }
    const output = await super.initiatePayment(input)
    return { ...output, data: { ...(output.data ?? {}), [CONNECT_DATA_KEY]: connect } }
  }

  /** A new amount keeps the fee in proportion (the store API recomputes it exactly on a new session). */
  async updatePayment(input: UpdatePaymentInput): Promise<UpdatePaymentOutput> {
    const connect = readConnectData(input.data)
    const output = await super.updatePayment(input)
    const intent = output.data as { id?: string; amount?: number } | undefined
    if (!connect || !intent?.id || input.amount === undefined) {
      return output
    }
    const newAmount = getSmallestUnit(input.amount, connect.currency_code)
    const oldAmount = getSmallestUnit(connect.amount, connect.currency_code)
    if (newAmount === oldAmount) {
      return output
    }
    const fee = scaledFee(connect, newAmount, oldAmount)
    const updated = await this.stripe_.paymentIntents.update(intent.id, { application_fee_amount: fee })
    return {
      ...output,
      data: {
        ...(updated as unknown as Record<string, unknown>),
        [CONNECT_DATA_KEY]: { ...connect, application_fee_amount: fee, amount: Number(input.amount) },
      },
    }
  }

  /** Refunds take the transfer back from the connected account and give back the fee's share. */
  async refundPayment(input: RefundPaymentInput): Promise<RefundPaymentOutput> {
    const data = input.data as { id?: string; currency?: string } | undefined
    if (!data?.id || !data.currency) {
      throw new MedusaError(MedusaError.Types.INVALID_DATA, "No payment intent to refund")
    }
    try {
      await this.stripe_.refunds.create(
        {
          amount: getSmallestUnit(input.amount, data.currency),
          payment_intent: data.id,
          reverse_transfer: true,
          refund_application_fee: true,
        },
        { idempotencyKey: input.context?.idempotency_key }
      )
    } catch (e) {
      if ((e as { code?: string }).code !== "charge_already_refunded") {
        throw this.buildError("An error occurred in refundPayment", e as Error)
      }
    }
    return { data: input.data }
  }
}

export default StripeConnectProviderService
