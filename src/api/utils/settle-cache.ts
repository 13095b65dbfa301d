import { MedusaNextFunction, MedusaRequest, MedusaResponse } from "@medusajs/framework/http"
import { ICachingModuleService, IEventBusModuleService, MedusaContainer } from "@medusajs/framework/types"
import { Modules } from "@medusajs/framework/utils"
import { invalidationTags } from "../../queries/store-cache"

/** Event releases and cache drops started by this process's writes and not finished yet. */
const pending = new Set<Promise<unknown>>()
const watched = new WeakSet<object>()
/** A write's answer waits at most this long for its drops. */
const MAX_WAIT_MS = 2000

function track(work: Promise<unknown>) {
  const settled = work.catch(() => undefined)
  pending.add(settled)
  settled.finally(() => pending.delete(settled))
}

/**
 * Medusa drops cached entries when a write's events are emitted, without waiting: a workflow
 * answers before its grouped events are released (with Redis, a round trip later), so with a
 * shared cache a read sent as soon as the write answered, to any instance, could still see the
 * old entry. Watching the releases and the events lets a write's answer wait for its drops.
 */
function watchWrites(scope: MedusaContainer) {
  const eventBus = scope.resolve(Modules.EVENT_BUS) as IEventBusModuleService
  const caching = scope.resolve(Modules.CACHING, { allowUnregistered: true }) as ICachingModuleService | undefined
  if (watched.has(eventBus) || !caching || !eventBus.addInterceptor) {
    return
  }
  watched.add(eventBus)
  const release = eventBus.releaseGroupedEvents.bind(eventBus)
  eventBus.releaseGroupedEvents = (eventGroupId: string) => {
    const released = release(eventGroupId)
    track(released)
    return released
  }
  eventBus.addInterceptor((message) => {
    const tags = invalidationTags(message.name)
    if (tags.length) {
      track(caching.clear({ tags, options: { autoInvalidate: true } }))
    }
  })
}

async function settled() {
  const deadline = Date.now() + MAX_WAIT_MS
  // A release adds the drops of its events when it runs the interceptors, so look again.
  while (pending.size && Date.now() < deadline) {
    await Promise.race([Promise.allSettled([...pending]), new Promise((resolve) => setTimeout(resolve, deadline - Date.now()))])
  }
}

/** Holds a write's JSON answer until the cached reads it changed are dropped, on every instance. */
export function settleCacheBeforeAnswer(req: MedusaRequest, res: MedusaResponse, next: MedusaNextFunction) {
  watchWrites(req.scope)
  const send = res.json.bind(res)
  res.json = ((body: unknown) => {
    if (!pending.size) {
      return send(body)
    }
    settled().then(() => send(body))
    return res
  }) as MedusaResponse["json"]
  next()
}
