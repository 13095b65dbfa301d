import { Button, Drawer, Label, Text } from "@medusajs/ui"
import { useState, type FormEvent, type ReactNode } from "react"

type FormDrawerProps = {
  open: boolean
  onOpenChange: (open: boolean) => void
  title: string
  testId: string
  children: ReactNode
}

/** A drawer whose content (and so its form state) is mounted afresh each time it opens. */
export function FormDrawer({ open, onOpenChange, title, testId, children }: FormDrawerProps) {
  return (
    <Drawer open={open} onOpenChange={onOpenChange}>
      <Drawer.Content data-testid={testId} aria-describedby={undefined}>
        <Drawer.Header>
          <Drawer.Title>{title}</Drawer.Title>
        </Drawer.Header>
        {children}
      </Drawer.Content>
    </Drawer>
  )
}

type DrawerFormProps = {
  submitLabel: string
  submitting: boolean
  onSubmit: () => void
  children: ReactNode
  /** The submit button waits for what the form still needs (a check the server answered). */
  submitDisabled?: boolean
}

export function DrawerForm({ submitLabel, submitting, onSubmit, children, submitDisabled }: DrawerFormProps) {
  const submit = (event: FormEvent) => {
    event.preventDefault()
    onSubmit()
  }
  return (
    <form noValidate onSubmit={submit} className="flex flex-1 flex-col overflow-hidden">
      <Drawer.Body className="flex flex-1 flex-col gap-y-4 overflow-y-auto">{children}</Drawer.Body>
      <Drawer.Footer>
        <Drawer.Close asChild>
          <Button size="small" variant="secondary" type="button">
            Cancel
          </Button>
        </Drawer.Close>
        <Button size="small" type="submit" isLoading={submitting} disabled={submitDisabled} data-testid="drawer-submit">
          {submitLabel}
        </Button>
      </Drawer.Footer>
    </form>
  )
}

type EditDrawerProps = Omit<FormDrawerProps, "open" | "onOpenChange"> & DrawerFormProps & { onClose: () => void }

/** A create-or-edit drawer, open while it is mounted: its form, and `onClose` once dismissed. */
export function EditDrawer({ title, testId, onClose, ...form }: EditDrawerProps) {
  return (
    <FormDrawer open onOpenChange={(open) => !open && onClose()} title={title} testId={testId}>
      <DrawerForm {...form} />
    </FormDrawer>
  )
}

export type ValuesDrawerProps<V> = Omit<FormDrawerProps, "children"> & Omit<DrawerFormProps, "onSubmit" | "children"> & {
  initial: V
  onSubmit: (values: V) => void
  fields: (values: V, onChange: (values: V) => void) => ReactNode
}

/** A drawer editing a copy of `initial`, which starts afresh each time the drawer opens. */
export function ValuesDrawer<V>({ open, onOpenChange, title, testId, ...editor }: ValuesDrawerProps<V>) {
  return (
    <FormDrawer open={open} onOpenChange={onOpenChange} title={title} testId={testId}>
      <ValuesForm {...editor} />
    </FormDrawer>
  )
}

function ValuesForm<V>({ initial, submitLabel, submitting, onSubmit, fields }: Omit<ValuesDrawerProps<V>, "open" | "onOpenChange" | "title" | "testId">) {
  const [values, setValues] = useState(initial)
  return (
    <DrawerForm submitLabel={submitLabel} submitting={submitting} onSubmit={() => onSubmit(values)}>
      {fields(values, setValues)}
    </DrawerForm>
  )
}

type FieldProps = { id: string; label: string; hint?: string; children: ReactNode }

export function Field({ id, label, hint, children }: FieldProps) {
  return (
    <div className="flex flex-col gap-y-2">
      <Label htmlFor={id} size="small" weight="plus">
        {label}
      </Label>
      {children}
      {hint && (
        <Text size="xsmall" className="text-ui-fg-subtle">
          {hint}
        </Text>
      )}
    </div>
  )
}
