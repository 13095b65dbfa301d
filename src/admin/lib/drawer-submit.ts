import { toast } from "@medusajs/ui"

type Send<T> = { mutate: (variables: T, options: { onSuccess: () => void }) => void }
type Mutation<T> = Send<T> & { isPending: boolean; error: unknown }

type DrawerSubmitOptions<TCreate, TChanges> = {
  editingId: string | undefined
  body: () => TCreate
  changes: () => TChanges
  create: Send<TCreate>
  update: Send<{ id: string; body: TChanges }>
  onClose: () => void
}

/**
 * A create-or-edit drawer's submit: the whole body to create; for an edit only the changed
 * fields, and no request at all when nothing changed. The drawer closes once the API agrees.
 */
export function submitDrawer<TCreate, TChanges extends object>({ editingId, body, changes, create, update, onClose }: DrawerSubmitOptions<TCreate, TChanges>) {
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

/** What a create-or-edit drawer's form needs: its submit, whether a request is on its way, and the refusal of the request it makes. */
export function drawerSubmission<TCreate, TChanges extends object>(
  options: DrawerSubmitOptions<TCreate, TChanges> & { create: Mutation<TCreate>; update: Mutation<{ id: string; body: TChanges }> }
) {
  const { editingId, create, update } = options
  return {
    submit: () => submitDrawer(options),
    submitting: create.isPending || update.isPending,
    error: editingId === undefined ? create.error : update.error,
  }
}
