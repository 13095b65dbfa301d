export type RecordedRequest = { method: string; path: string; body: Record<string, any>; idempotencyKey?: string; account?: string }

type Intent = Record<string, any> & { id: string; status: string }
type Account = Record<string, any> & { id: string }

/** A small local Stripe for the calls the plugin makes (see stripe-double.js). */
export declare class StripeDouble {
  readonly requests: RecordedRequest[]
  readonly intents: Map<string, Intent>
  readonly accounts: Map<string, Account>
  port: number
  start(): Promise<this>
  stop(): Promise<void>
  /** What Stripe.js does in the browser: the customer confirms, the card is authorized. */
  confirm(intentId: string): void
  /** Stripe finishing an account's onboarding on its side. */
  setAccount(id: string, fields: Partial<Account>): void
  calls(method: string, path: string | RegExp): RecordedRequest[]
}
