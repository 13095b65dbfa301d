import { UnitOfWork } from "@medusajs/framework/mikro-orm/core"

const PATCHED = Symbol.for("tiered.settleFailedFlushes")

type FlushingUnitOfWork = {
  working?: boolean
  flushQueue?: Array<() => Promise<unknown>>
  postCommitCleanup?: () => void
}

/**
 * MikroORM queues a flush asked for while another flush of the same unit of work runs (Medusa's
 * services flush in parallel inside one transaction), and runs the queue only when the running
 * flush succeeds. When it fails (the database restarted mid-request), the queued flushes are
 * never run and their callers wait for ever: the HTTP request hangs, holding its memory. This
 * runs them after a failure too, so each settles (most with their own error) as it would have
 * had it not been queued. A unit of work without these fields (another MikroORM) is left as is.
 */
export function settleFailedFlushes(unitOfWork: { prototype: { commit: () => Promise<void> } } = UnitOfWork): boolean {
  const proto = unitOfWork.prototype as { commit: () => Promise<void>; [PATCHED]?: true }
  if (proto[PATCHED]) {
    return false
  }
  const commit = proto.commit
  proto.commit = async function (this: FlushingUnitOfWork) {
    const queued = this.working
    try {
      await commit.call(this)
    } catch (error) {
      if (!queued && Array.isArray(this.flushQueue) && this.flushQueue.length && !this.working) {
        this.working = true
        try {
          while (this.flushQueue.length) {
            await this.flushQueue.shift()!()
          }
        } finally {
          this.postCommitCleanup?.()
          this.working = false
        }
      }
      throw error
    }
  }
  proto[PATCHED] = true
  return true
}

export default async function settleFailedFlushesLoader(): Promise<void> {
  settleFailedFlushes()
}
