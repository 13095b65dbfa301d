import { toast } from "@medusajs/ui"
import { drawerSubmission, submitDrawer } from "../drawer-submit"

jest.mock("@medusajs/ui", () => ({ toast: { info: jest.fn() } }))

function setup(editingId: string | undefined, changes: object) {
  const create = { mutate: jest.fn() }
  const update = { mutate: jest.fn() }
  const onClose = jest.fn()
  const body = jest.fn(() => ({ name: "Gold", level: 1 }))
  submitDrawer({ editingId, body, changes: () => changes, create, update, onClose })
  return { create, update, onClose, body }
}

describe("submitDrawer", () => {
  beforeEach(() => jest.mocked(toast.info).mockClear())

  it("creates with the whole body and closes once the API agrees", () => {
    const { create, update, onClose } = setup(undefined, {})
    expect(create.mutate).toHaveBeenCalledWith({ name: "Gold", level: 1 }, { onSuccess: onClose })
    expect(update.mutate).not.toHaveBeenCalled()
    expect(onClose).not.toHaveBeenCalled()
    expect(toast.info).not.toHaveBeenCalled()
  })

  it("sends only the changed fields of an edit, by id", () => {
    const { create, update, onClose, body } = setup("rule_1", { level: 2 })
    expect(update.mutate).toHaveBeenCalledWith({ id: "rule_1", body: { level: 2 } }, { onSuccess: onClose })
    expect(create.mutate).not.toHaveBeenCalled()
    expect(body).not.toHaveBeenCalled()
    expect(onClose).not.toHaveBeenCalled()
  })

  it("closes an edit that changes nothing without a request, and says so", () => {
    const { create, update, onClose } = setup("rule_1", {})
    expect(create.mutate).not.toHaveBeenCalled()
    expect(update.mutate).not.toHaveBeenCalled()
    expect(onClose).toHaveBeenCalledTimes(1)
    expect(toast.info).toHaveBeenCalledWith("Nothing to save")
  })
})

describe("drawerSubmission", () => {
  const mutation = (isPending: boolean, error: unknown) => ({ mutate: jest.fn(), isPending, error })

  it("shows the create's refusal while creating, and the edit's while editing", () => {
    const create = mutation(false, new Error("create refused"))
    const update = mutation(false, new Error("update refused"))
    const options = { body: () => ({}), changes: () => ({}), create, update, onClose: jest.fn() }
    expect(drawerSubmission({ ...options, editingId: undefined }).error).toBe(create.error)
    expect(drawerSubmission({ ...options, editingId: "rule_1" }).error).toBe(update.error)
  })

  it("is submitting while either request is on its way", () => {
    const options = { editingId: undefined, body: () => ({}), changes: () => ({}), onClose: jest.fn() }
    expect(drawerSubmission({ ...options, create: mutation(false, null), update: mutation(false, null) }).submitting).toBe(false)
    expect(drawerSubmission({ ...options, create: mutation(true, null), update: mutation(false, null) }).submitting).toBe(true)
    expect(drawerSubmission({ ...options, create: mutation(false, null), update: mutation(true, null) }).submitting).toBe(true)
  })

  it("submits as submitDrawer does", () => {
    const create = mutation(false, null)
    const onClose = jest.fn()
    drawerSubmission({ editingId: undefined, body: () => ({ name: "Gold" }), changes: () => ({}), create, update: mutation(false, null), onClose }).submit()
    expect(create.mutate).toHaveBeenCalledWith({ name: "Gold" }, { onSuccess: onClose })
  })
})
