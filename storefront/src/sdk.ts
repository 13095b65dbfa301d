import Medusa from "@medusajs/js-sdk"
import { withTieredStore } from "@tiered/client"
import { config } from "./config"

export const sdk = withTieredStore(
  new Medusa({ baseUrl: config.backendUrl, publishableKey: config.publishableKey, auth: { type: "jwt", jwtTokenStorageMethod: "nostore" } })
)
