import { createHash } from "node:crypto"
import { MedusaResponse, MedusaStoreRequest } from "@medusajs/framework/http"
import { cachedStoreAnswer, StoreRead } from "../../queries/store-cache"

type SentAnswer = { json: string; etag: string }

/**
 * Answers a store read from the cache, kept as the JSON text sent and its ETag: a hit costs a
 * lookup and a socket write, not a serialization and a hash, and a storefront that sends
 * If-None-Match gets a 304.
 */
export async function sendStoreAnswer<T>(
  req: MedusaStoreRequest<unknown, unknown>,
  res: MedusaResponse<T>,
  read: StoreRead,
  key: Record<string, unknown>,
  compute: () => Promise<T>,
  tags: string[] = []
): Promise<void> {
  const { json, etag } = await cachedStoreAnswer<SentAnswer>(
    req.scope,
    read,
    req.publishable_key_context.sales_channel_ids,
    key,
    async () => {
      const json = JSON.stringify(await compute())
      return { json, etag: `W/"${createHash("sha1").update(json).digest("base64url").slice(0, 27)}"` }
    },
    tags
  )
  res.setHeader("content-type", "application/json; charset=utf-8")
  // Express answers 304 itself when the request's If-None-Match has this ETag.
  res.setHeader("etag", etag)
  // The answer's JSON text, already serialized (the route's type describes what it parses to).
  ;(res as MedusaResponse).send(json)
}
