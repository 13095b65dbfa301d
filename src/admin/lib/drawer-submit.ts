import { toast } from "@medusajs/ui"

type Send<T> = { mutate: (variables: T, options: { onSuccess: () => void }) => void }

/**
 * A create-or-edit drawer's submit: the whole body to create; for an edit only the changed
 * fields, and no request at all when nothing changed. The drawer closes once the API agrees.
 */
export function submitDrawer<TCreate, TChanges extends object>({ editingId, body, changes, create, update, onClose }: {
  editingId: string | undefined
  body: () => TCreate
  changes: () => TChanges
  create: Send<TCreate>
  update: Send<{ id: string; body: TChanges }>
  onClose: () => void
}) {
  if (editingId === undefined) {
    create.mutate(body(), { onSuccess: onClose })
    return
  }
  const changed = changes()
  if (Object.keys(changed).length === 0) {
    toast.info("Nothing to save")
    onClose()
    return
  }
  update.mutate({ id: editingId, body: changed }, { onSuccess: onClose })
}
