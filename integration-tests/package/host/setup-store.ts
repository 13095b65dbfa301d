import { ExecArgs } from "@medusajs/framework/types"
import { ApiKeyType, ContainerRegistrationKeys, Modules } from "@medusajs/framework/utils"
import {
  createApiKeysWorkflow,
  createRegionsWorkflow,
  createSalesChannelsWorkflow,
  createUsersWorkflow,
  linkSalesChannelsToApiKeyWorkflow,
} from "@medusajs/medusa/core-flows"

export const ADMIN = { email: "admin@package.test", password: "package-test" }

/** What a merchant has before using the plugin: a region, a tenant's sales channel and key, an admin. */
export default async function setupStore({ container }: ExecArgs) {
  const {
    result: [region],
  } = await createRegionsWorkflow(container).run({
    input: { regions: [{ name: "Package test", currency_code: "usd", countries: ["us"] }] },
  })
  const {
    result: [salesChannel],
  } = await createSalesChannelsWorkflow(container).run({
    input: { salesChannelsData: [{ name: "Package test tenant" }] },
  })
  const {
    result: [key],
  } = await createApiKeysWorkflow(container).run({
    input: { api_keys: [{ title: "Package test", type: ApiKeyType.PUBLISHABLE, created_by: "package-test" }] },
  })
  await linkSalesChannelsToApiKeyWorkflow(container).run({ input: { id: key.id, add: [salesChannel.id] } })

  const {
    result: [user],
  } = await createUsersWorkflow(container).run({ input: { users: [{ email: ADMIN.email }] } })
  const auth = container.resolve(Modules.AUTH)
  const { authIdentity, error } = await auth.register("emailpass", { body: ADMIN })
  if (error || !authIdentity) {
    throw new Error(`Could not register the admin login: ${error}`)
  }
  await auth.updateAuthIdentities({ id: authIdentity.id, app_metadata: { user_id: user.id } })

  // The plugin's module must be in the container of an app that only lists the plugin.
  const segments = container.resolve("segments") as { listSegments: () => Promise<unknown[]> }
  const existing = await segments.listSegments()

  container.resolve(ContainerRegistrationKeys.LOGGER).info("Package host store is set up")
  console.log(
    `PACKAGE_HOST ${JSON.stringify({
      region_id: region.id,
      sales_channel_id: salesChannel.id,
      publishable_key: key.token,
      admin: ADMIN,
      segment_count: existing.length,
    })}`
  )
}
