import { Context } from "@medusajs/framework/types"
import { InjectManager, InjectTransactionManager, MedusaContext, MedusaError, MedusaService } from "@medusajs/framework/utils"
import { SqlEntityManager } from "@medusajs/framework/mikro-orm/postgresql"
import Stripe from "stripe"
import { ConnectedAccount } from "./models/connected-account"
import { ProcessedWebhook } from "./models/processed-webhook"
import { parseConnectOptions, StripeConnectSettings } from "./options"

/** Stripe's client for the platform, as the plugin options say where Stripe is. */
export function stripeClient(settings: Pick<StripeConnectSettings, "apiKey" | "apiHost" | "apiPort" | "apiProtocol">): Stripe {
  return new Stripe(settings.apiKey, {
    ...(settings.apiHost ? { host: settings.apiHost } : {}),
    ...(settings.apiPort ? { port: settings.apiPort } : {}),
    ...(settings.apiProtocol ? { protocol: settings.apiProtocol } : {}),
    maxNetworkRetries: 2,
  })
}

/** What Stripe says of a connected account, as the plugin keeps it. */
export type AccountStatus = {
  details_submitted: boolean
  charges_enabled: boolean
  payouts_enabled: boolean
  requirements_due: string[]
}

/** A connected account row as the service answers it. */
export type ConnectedAccountRow = AccountStatus & {
  id: string
  sales_channel_id: string
  stripe_account_id: string
  status_updated_at: Date | null
  status_as_of: Date | null
}

/** Tenants' connected accounts and the Stripe events already processed. */
export default class StripeConnectModuleService extends MedusaService({ ConnectedAccount, ProcessedWebhook }) {
  protected readonly settings_: StripeConnectSettings | null
  protected stripe_: Stripe | null = null

  constructor(container: Record<string, unknown>, options: unknown = {}) {
    // eslint-disable-next-line prefer-rest-params
    super(...arguments)
    const parsed = parseConnectOptions(options)
    if ("problems" in parsed) {
      throw new MedusaError(MedusaError.Types.INVALID_ARGUMENT, `Invalid tiered-storefront options: ${parsed.problems.join("; ")}`)
    }
    this.settings_ = parsed.settings
  }

  /** Whether the platform gave the plugin its Stripe Connect settings. */
  async isConfigured(): Promise<boolean> {
    return this.settings_ !== null
  }

  /** The Connect settings; a clear 400 when the platform has not set Stripe Connect up. */
  async getSettings(): Promise<StripeConnectSettings> {
    if (!this.settings_) {
      throw new MedusaError(
        MedusaError.Types.NOT_ALLOWED,
        "Stripe Connect is not set up: give the plugin the stripeConnect option (apiKey, webhookSecret)"
      )
    }
    return this.settings_
  }

  async getStripe(): Promise<Stripe> {
    this.stripe_ ??= stripeClient(await this.getSettings())
    return this.stripe_
  }

  /**
   * Stores an account's status as Stripe described it at `asOf`, unless the stored status
   * describes a later moment (Stripe does not deliver events in order). The row is locked
   * while it is compared, so of two racing events the newer one is what stays. Null for an
   * account the plugin does not know.
   */
  @InjectManager()
  async applyAccountStatus(
    stripeAccountId: string,
    status: AccountStatus,
    asOf: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ applied: boolean; before: ConnectedAccountRow; account: ConnectedAccountRow } | null> {
    return await this.applyAccountStatus_(stripeAccountId, status, asOf, sharedContext)
  }

  @InjectTransactionManager()
  protected async applyAccountStatus_(
    stripeAccountId: string,
    status: AccountStatus,
    asOf: Date,
    @MedusaContext() sharedContext: Context = {}
  ): Promise<{ applied: boolean; before: ConnectedAccountRow; account: ConnectedAccountRow } | null> {
    const manager = sharedContext.transactionManager as SqlEntityManager
    const [locked] = await manager.execute<{ id: string }[]>(
      `select id from connected_account where stripe_account_id = ? and deleted_at is null for update`,
      [stripeAccountId]
    )
    if (!locked) {
      return null
    }
    const [before] = (await this.listConnectedAccounts({ id: locked.id }, {}, sharedContext)) as ConnectedAccountRow[]
    if (before.status_as_of && new Date(before.status_as_of).getTime() > asOf.getTime()) {
      return { applied: false, before, account: before }
    }
    const account = (await this.updateConnectedAccounts(
      { id: before.id, ...status, status_as_of: asOf, status_updated_at: new Date() },
      sharedContext
    )) as ConnectedAccountRow
    return { applied: true, before, account }
  }
}
