import { defineConfig, loadEnv } from "@medusajs/framework/utils"

loadEnv(process.env.NODE_ENV || "development", process.cwd())

// STRIPE_API_KEY and STRIPE_WEBHOOK_SECRET turn Stripe Connect on; STRIPE_API_HOST/PORT/PROTOCOL
// point the Stripe SDK elsewhere (the tests' local double).
const stripeConnect = process.env.STRIPE_API_KEY
  ? {
      apiKey: process.env.STRIPE_API_KEY,
      webhookSecret: process.env.STRIPE_WEBHOOK_SECRET || "",
      ...(process.env.STRIPE_API_HOST ? { apiHost: process.env.STRIPE_API_HOST } : {}),
      ...(process.env.STRIPE_API_PORT ? { apiPort: Number(process.env.STRIPE_API_PORT) } : {}),
      ...(process.env.STRIPE_API_PROTOCOL ? { apiProtocol: process.env.STRIPE_API_PROTOCOL as "http" | "https" } : {}),
    }
  : null

// REDIS_URL switches the app to its production set-up (README "Production and scale-out"):
// Redis event bus, workflow engine, locking and caching, shared by every server and worker.
const redisUrl = process.env.REDIS_URL
const redisModules = redisUrl
  ? [
      { resolve: "@medusajs/medusa/event-bus-redis", options: { redisUrl } },
      { resolve: "@medusajs/medusa/workflow-engine-redis", options: { redis: { redisUrl } } },
      { resolve: "@medusajs/medusa/cache-redis", options: { redisUrl } },
      {
        resolve: "@medusajs/medusa/locking",
        options: { providers: [{ resolve: "@medusajs/medusa/locking-redis", id: "locking-redis", is_default: true, options: { redisUrl } }] },
      },
    ]
  : []

// Medusa's Notification module: the plugin's emails go out on the `email` channel. By default the
// local provider writes each one to the server log; NOTIFICATION_PROVIDER names another provider
// (a package such as @medusajs/medusa/notification-sendgrid, with its options in
// NOTIFICATION_PROVIDER_OPTIONS as JSON, or a file path; the tests use a recording one). The admin's
// `feed` channel stays on the local provider.
const emailProvider = process.env.NOTIFICATION_PROVIDER
  ? {
      resolve: process.env.NOTIFICATION_PROVIDER,
      id: process.env.NOTIFICATION_PROVIDER_ID || "email",
      options: { ...JSON.parse(process.env.NOTIFICATION_PROVIDER_OPTIONS || "{}"), channels: ["email"] },
    }
  : null
const notificationProviders = emailProvider
  ? [emailProvider, { resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["feed"] } }]
  : [{ resolve: "@medusajs/medusa/notification-local", id: "local", options: { name: "Local Notification Provider", channels: ["email", "feed"] } }]

// Where this server is reached (PORT is the one `medusa develop/start` listen on): the local file
// provider's URLs point here.
const backendUrl = process.env.MEDUSA_BACKEND_URL || `http://localhost:${process.env.PORT || 9000}`

// The app used for development and tests: it loads the plugin from this
// repository's own src/ (modules below; api, links, workflows, subscribers
// and admin extensions are picked up from src/ by convention).
module.exports = defineConfig({
  projectConfig: {
    databaseUrl: process.env.DATABASE_URL,
    redisUrl,
    workerMode: (process.env.MEDUSA_WORKER_MODE as "shared" | "worker" | "server" | undefined) || "shared",
    http: {
      storeCors: process.env.STORE_CORS || "http://localhost:8000,http://localhost:5173",
      adminCors: process.env.ADMIN_CORS || "http://localhost:9000,http://localhost:5173",
      authCors: process.env.AUTH_CORS || "http://localhost:9000,http://localhost:5173,http://localhost:8000",
      jwtSecret: process.env.JWT_SECRET || "supersecret",
      cookieSecret: process.env.COOKIE_SECRET || "supersecret",
    },
  },
  admin: {
    disable: process.env.MEDUSA_DISABLE_ADMIN === "true" || process.env.MEDUSA_WORKER_MODE === "worker",
  },
  // Medusa's Caching module: the plugin's store reads are cached there (and Medusa's own, where
  // it caches), invalidated by the module events of every write.
  featureFlags: { caching: true },
  modules: [
    {
      resolve: "@medusajs/medusa/caching",
      options: redisUrl
        ? { providers: [{ resolve: "@medusajs/medusa/caching-redis", id: "caching-redis", is_default: true, options: { redisUrl } }] }
        : // No key limit (a full node-cache throws on every write, Medusa's reads included); the size limit skips writes instead.
          { in_memory: { enable: true, maxKeys: -1, maxSize: 100 * 1024 * 1024 } },
    },
    ...redisModules,
    // Medusa's File module with its local provider (Medusa's default, made explicit for its URL):
    // uploads, the demo's pictures among them, land in ./static and this server serves them at /static.
    {
      resolve: "@medusajs/medusa/file",
      options: {
        providers: [{ resolve: "@medusajs/medusa/file-local", id: "local", options: { backend_url: `${backendUrl}/static` } }],
      },
    },
    { resolve: "@medusajs/medusa/notification", options: { providers: notificationProviders } },
    { resolve: "./src/modules/segments" },
    { resolve: "./src/modules/booking" },
    { resolve: "./src/modules/upsell" },
    { resolve: "./src/modules/tier-analytics" },
    { resolve: "./src/modules/notices" },
    { resolve: "./src/modules/deposits" },
    { resolve: "./src/modules/balances" },
    { resolve: "./src/modules/stripe-connect", options: { stripeConnect: stripeConnect ?? undefined } },
    // Stripe Connect payments when a platform key is given; the system provider is always there.
    ...(stripeConnect
      ? [
          {
            resolve: "@medusajs/medusa/payment",
            options: { providers: [{ resolve: "./src/providers/stripe-connect", id: "stripe-connect", options: stripeConnect }] },
          },
        ]
      : []),
    // An Analytics module provider to hand events to (a package such as @medusajs/analytics-posthog,
    // with its own env, or a file path); the tests use a recording one.
    ...(process.env.ANALYTICS_PROVIDER
      ? [
          {
            resolve: "@medusajs/medusa/analytics",
            options: { providers: [{ resolve: process.env.ANALYTICS_PROVIDER, id: process.env.ANALYTICS_PROVIDER_ID || "analytics" }] },
          },
        ]
      : []),
  ],
})
