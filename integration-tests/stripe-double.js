// Plain CommonJS, so the HTTP tests (through Jest) and the browser runner (a Node ES module)
// share one double; its types are in stripe-double.d.ts.
const http = require("node:http")
const qs = require("qs")

/**
 * A small local Stripe for the calls the plugin makes: accounts and account
 * links (onboarding), customers and their saved payment methods (Medusa's
 * account holders), setup intents, payment intents (create, confirmed at once
 * off-session with a saved `payment_method` of the intent's customer, update,
 * retrieve, capture, cancel) and refunds. It records every request and answers
 * with Stripe's shapes, so the real `stripe` SDK can talk to it.
 */
class StripeDouble {
  requests = []
  intents = new Map()
  accounts = new Map()
  customers = new Map()
  /** Payment methods by id; `customer` is the customer it is attached to (saved), or null. */
  methods = new Map()
  setupIntents = new Map()
  server = http.createServer((req, res) => this.handle(req, res))
  seq = 0
  port = 0

  async start() {
    await new Promise((resolve) => this.server.listen(0, "127.0.0.1", resolve))
    this.port = this.server.address().port
    return this
  }

  async stop() {
    const closed = new Promise((resolve) => this.server.close(() => resolve()))
    // The app's Stripe client keeps its connections alive; they would hold close() open.
    this.server.closeAllConnections()
    await closed
  }

  /**
   * What Stripe.js does in the browser: the customer confirms with a card
   * (`paymentMethodId`, a visa by default), the card is authorized, and saved
   * to the intent's customer when the intent asked for `setup_future_usage`.
   */
  confirm(intentId, paymentMethodId) {
    const intent = this.intents.get(intentId)
    intent.status = intent.capture_method === "automatic" ? "succeeded" : "requires_capture"
    const method = this.method(paymentMethodId ?? this.id("pm_card_visa"))
    intent.payment_method = method.id
    if (intent.customer && intent.setup_future_usage) {
      method.customer = intent.customer
    }
  }

  /** A setup intent confirmed in the browser: the card is saved to its customer. */
  confirmSetup(setupIntentId, paymentMethodId) {
    const setup = this.setupIntents.get(setupIntentId)
    const method = this.method(paymentMethodId)
    Object.assign(setup, { status: "succeeded", payment_method: method.id })
    method.customer = setup.customer
  }

  /** A card as Stripe describes it; a card whose id says "declined" is refused when charged. */
  method(id) {
    if (!this.methods.has(id)) {
      const brand = /mastercard/.test(id) ? "mastercard" : "visa"
      const last4 = /declined/.test(id) ? "0002" : brand === "mastercard" ? "4444" : "4242"
      this.methods.set(id, { id, object: "payment_method", type: "card", customer: null, card: { brand, last4, exp_month: 12, exp_year: 2034 } })
    }
    return this.methods.get(id)
  }

  /** Stripe finishing an account's onboarding on its side. */
  setAccount(id, fields) {
    Object.assign(this.accounts.get(id), fields)
  }

  calls(method, path) {
    return this.requests.filter((r) => r.method === method && (typeof path === "string" ? r.path === path : path.test(r.path)))
  }

  id(prefix) {
    return `${prefix}_double${String(++this.seq).padStart(6, "0")}`
  }

  handle(req, res) {
    let raw = ""
    req.on("data", (chunk) => (raw += chunk))
    req.on("end", () => {
      const url = new URL(req.url ?? "/", "http://stripe.test")
      const body = qs.parse(raw || url.search.slice(1))
      const path = url.pathname
      this.requests.push({
        method: req.method ?? "GET",
        path,
        body,
        idempotencyKey: req.headers["idempotency-key"],
        account: req.headers["stripe-account"],
      })
      const send = (status, payload) => {
        res.writeHead(status, { "content-type": "application/json", "request-id": this.id("req") })
        res.end(JSON.stringify(payload))
      }
      const missing = (what) =>
        send(404, { error: { type: "invalid_request_error", code: "resource_missing", message: `No such ${what}` } })
      const int = (v) => (v === undefined ? undefined : Number(v))
      let m

      if (req.method === "POST" && path === "/v1/accounts") {
        const account = {
          id: this.id("acct"),
          object: "account",
          type: body.type,
          business_profile: body.business_profile ?? {},
          metadata: body.metadata ?? {},
          details_submitted: false,
          charges_enabled: false,
          payouts_enabled: false,
          requirements: { currently_due: ["external_account", "tos_acceptance.date"] },
        }
        this.accounts.set(account.id, account)
        return send(200, account)
      }
      if ((m = path.match(/^\/v1\/accounts\/(acct_[\w]+)$/))) {
        const account = this.accounts.get(m[1])
        if (!account) return missing("account")
        if (req.method === "DELETE") {
          this.accounts.delete(m[1])
          return send(200, { id: m[1], object: "account", deleted: true })
        }
        return send(200, account)
      }
      if (req.method === "POST" && path === "/v1/account_links") {
        if (!this.accounts.has(body.account)) return missing("account")
        return send(200, {
          object: "account_link",
          url: `https://connect.stripe.test/setup/e/${body.account}/${this.seq}`,
          created: Math.floor(Date.now() / 1000),
          expires_at: Math.floor(Date.now() / 1000) + 300,
        })
      }
      if (req.method === "POST" && path === "/v1/customers") {
        const customer = { id: this.id("cus"), object: "customer", email: body.email ?? null, name: body.name ?? null, metadata: body.metadata ?? {} }
        this.customers.set(customer.id, customer)
        return send(200, customer)
      }
      if ((m = path.match(/^\/v1\/customers\/(cus_[\w]+)\/payment_methods$/))) {
        if (!this.customers.has(m[1])) return missing("customer")
        const data = [...this.methods.values()].filter((pm) => pm.customer === m[1])
        return send(200, { object: "list", url: path, has_more: false, data })
      }
      if ((m = path.match(/^\/v1\/customers\/(cus_[\w]+)$/))) {
        const customer = this.customers.get(m[1])
        if (!customer) return missing("customer")
        if (req.method === "POST") Object.assign(customer, body)
        return send(200, customer)
      }
      if (req.method === "POST" && path === "/v1/setup_intents") {
        if (!this.customers.has(body.customer)) return missing("customer")
        const setup = { id: this.id("seti"), object: "setup_intent", customer: body.customer, status: "requires_payment_method", usage: body.usage ?? "off_session", payment_method: null, client_secret: `seti_secret_${this.seq}` }
        this.setupIntents.set(setup.id, setup)
        return send(200, setup)
      }
      if (req.method === "POST" && path === "/v1/payment_intents") {
        const intent = {
          id: this.id("pi"),
          object: "payment_intent",
          amount: int(body.amount),
          amount_received: 0,
          currency: body.currency,
          status: "requires_payment_method",
          capture_method: body.capture_method ?? "automatic",
          application_fee_amount: int(body.application_fee_amount) ?? null,
          transfer_data: body.transfer_data ?? null,
          metadata: body.metadata ?? {},
          customer: body.customer ?? null,
          setup_future_usage: body.setup_future_usage ?? null,
          payment_method: null,
          last_payment_error: null,
          client_secret: `secret_${this.seq}`,
        }
        this.intents.set(intent.id, intent)
        if (body.confirm === "true" && body.payment_method) {
          // A saved card charged off-session: it must be saved to the intent's customer, as at Stripe;
          // a card whose id says "declined" is refused, as Stripe's test card is.
          const method = this.methods.get(body.payment_method)
          if (!method || !body.customer || method.customer !== body.customer) {
            this.intents.delete(intent.id)
            return send(400, {
              error: { type: "invalid_request_error", code: "resource_missing", param: "payment_method", message: `No such PaymentMethod: '${body.payment_method}' for this customer` },
            })
          }
          intent.payment_method = body.payment_method
          if (/declined/.test(body.payment_method)) {
            intent.last_payment_error = { type: "card_error", code: "card_declined", message: "Your card was declined." }
            return send(402, { error: { type: "card_error", code: "card_declined", message: "Your card was declined.", payment_intent: intent } })
          }
          intent.status = intent.capture_method === "automatic" ? "succeeded" : "requires_capture"
        }
        return send(200, intent)
      }
      if ((m = path.match(/^\/v1\/payment_intents\/(pi_[\w]+)(?:\/(capture|cancel))?$/))) {
        const intent = this.intents.get(m[1])
        if (!intent) return missing("payment_intent")
        if (req.method === "POST" && m[2] === "capture") {
          Object.assign(intent, { status: "succeeded", amount_received: int(body.amount_to_capture) ?? intent.amount })
        } else if (req.method === "POST" && m[2] === "cancel") {
          intent.status = "canceled"
        } else if (req.method === "POST") {
          for (const key of ["amount", "application_fee_amount"]) if (body[key] !== undefined) intent[key] = int(body[key])
          if (body.metadata) intent.metadata = { ...intent.metadata, ...body.metadata }
        }
        return send(200, intent)
      }
      if (req.method === "POST" && path === "/v1/refunds") {
        const intent = this.intents.get(body.payment_intent)
        if (!intent) return missing("payment_intent")
        return send(200, {
          id: this.id("re"),
          object: "refund",
          amount: int(body.amount) ?? intent.amount,
          payment_intent: intent.id,
          status: "succeeded",
          reverse_transfer: body.reverse_transfer === "true",
          refund_application_fee: body.refund_application_fee === "true",
        })
      }
      return send(404, { error: { type: "invalid_request_error", message: `Unrecognized request URL (${req.method}: ${path})` } })
    })
  }
}

exports.StripeDouble = StripeDouble
