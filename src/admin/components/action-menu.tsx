import { EllipsisHorizontal } from "@medusajs/icons"
import { DropdownMenu, IconButton } from "@medusajs/ui"
import type { ReactNode } from "react"

export type Action = { label: string; icon: ReactNode; onClick: () => void; danger?: boolean }

/** The dashboard's "…" menu: one trigger, a list of actions. */
export function ActionMenu({ label, actions }: { label: string; actions: Action[] }) {
  return (
    <DropdownMenu>
      <DropdownMenu.Trigger asChild>
        <IconButton size="small" variant="transparent" aria-label={label}>
          <EllipsisHorizontal />
        </IconButton>
      </DropdownMenu.Trigger>
      <DropdownMenu.Content align="end">
        {actions.map((action) => (
          <DropdownMenu.Item
            key={action.label}
            onClick={action.onClick}
            className={action.danger ? "gap-x-2 text-ui-fg-error" : "gap-x-2"}
          >
            {action.icon}
            {action.label}
          </DropdownMenu.Item>
        ))}
      </DropdownMenu.Content>
    </DropdownMenu>
  )
}
