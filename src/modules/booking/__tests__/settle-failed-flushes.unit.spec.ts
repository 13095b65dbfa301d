import { UnitOfWork } from "@medusajs/framework/mikro-orm/core"
import { settleFailedFlushes } from "../loaders/settle-failed-flushes"

/** What pg raises when the server goes away mid-query. */
const connectionError = (message: string) => Object.assign(new Error(message), { code: "57P01" })

type Probe = { commit: () => Promise<void>; working: boolean; flushQueue: Array<() => Promise<unknown>>; postCommitCleanup: () => void; doCommit: () => Promise<void> }

/** A unit of work of MikroORM's own class, its flush replaced: the first fails after a tick, the others as told. */
function unitOfWork(cls: { prototype: object }, later: () => Promise<void>): Probe {
  const uow = Object.create(cls.prototype) as Probe
  let calls = 0
  Object.assign(uow, {
    working: false,
    flushQueue: [],
    postCommitCleanup: () => undefined,
    doCommit: async () => {
      if (calls++ === 0) {
        await new Promise((resolve) => setTimeout(resolve, 5))
        throw connectionError("terminating connection due to administrator command")
      }
      return later()
    },
  })
  return uow
}

const settledWithin = (promise: Promise<unknown>, ms: number) =>
  Promise.race([promise.then(() => "resolved", () => "rejected"), new Promise((resolve) => setTimeout(() => resolve("pending"), ms))])

describe("a flush queued behind one that fails", () => {
  it("waits for ever in MikroORM as shipped (the hang this guards against)", async () => {
    class Shipped extends (UnitOfWork as unknown as new () => object) {}
    const uow = unitOfWork(Shipped, async () => undefined)
    const first = uow.commit()
    const queued = uow.commit()
    await expect(first).rejects.toThrow("administrator command")
    expect(await settledWithin(queued, 50)).toBe("pending")
  })

  it("settles once patched: rejected with its own error, or resolved when its flush succeeds", async () => {
    class Failing extends (UnitOfWork as unknown as new () => object) {}
    expect(settleFailedFlushes(Failing as never)).toBe(true)
    expect(settleFailedFlushes(Failing as never)).toBe(false)
    const failing = unitOfWork(Failing, async () => {
      throw connectionError("Client has encountered a connection error and is not queryable")
    })
    const first = failing.commit()
    const queued = [failing.commit(), failing.commit()]
    await expect(first).rejects.toThrow("administrator command")
    for (const q of queued) {
      expect(await settledWithin(q, 50)).toBe("rejected")
    }
    expect(failing.working).toBe(false)
    expect(failing.flushQueue).toHaveLength(0)

    const succeeding = unitOfWork(Failing, async () => undefined)
    const again = succeeding.commit()
    const behind = succeeding.commit()
    await expect(again).rejects.toThrow("administrator command")
    expect(await settledWithin(behind, 50)).toBe("resolved")
  })

  it("changes nothing when the flush succeeds", async () => {
    class Fine extends (UnitOfWork as unknown as new () => object) {}
    settleFailedFlushes(Fine as never)
    const uow = Object.create(Fine.prototype) as Probe
    const order: string[] = []
    Object.assign(uow, { working: false, flushQueue: [], postCommitCleanup: () => undefined, doCommit: async () => void order.push("flush") })
    await Promise.all([uow.commit(), uow.commit()])
    expect(order).toEqual(["flush", "flush"])
    expect(uow.working).toBe(false)
  })
})
