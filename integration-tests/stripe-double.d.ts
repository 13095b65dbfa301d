export type RecordedRequest = { method: string; path: string; body: Record<string, any>; idempotencyKey?: string; account?: string }

type Intent = Record<string, any> & { id: string; status: string }
type Account = Record<string, any> & { id: string }

/** A small local Stripe for the calls the plugin makes (see stripe-double.js). */
export declare class StripeDouble {
  readonly requests: RecordedRequest[]
  readonly intents: Map<string, Intent>
  readonly accounts: Map<string, Account>
  readonly customers: Map<string, Record<string, any> & { id: string }>
  readonly methods: Map<string, Record<string, any> & { id: string; customer: string | null }>
  readonly setupIntents: Map<string, Record<string, any> & { id: string; customer: string }>
  port: number
  start(): Promise<this>
  stop(): Promise<void>
  /** What Stripe.js does in the browser: the customer confirms with a card, it is authorized (and saved, with `setup_future_usage`). */
  confirm(intentId: string, paymentMethodId?: string): void
  /** A setup intent confirmed in the browser: the card is saved to its customer. */
  confirmSetup(setupIntentId: string, paymentMethodId: string): void
  /** A card (made on first use); an id with "declined" is refused when charged. */
  method(id: string): Record<string, any> & { id: string; customer: string | null }
  /** Stripe finishing an account's onboarding on its side. */
  setAccount(id: string, fields: Partial<Account>): void
  calls(method: string, path: string | RegExp): RecordedRequest[]
}
