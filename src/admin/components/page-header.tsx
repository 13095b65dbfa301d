import { Heading, Text } from "@medusajs/ui"
import type { ReactNode } from "react"

/**
 * A page's or section's title and description, with its controls on the right. `alignEnd` lines the
 * controls up with the bottom of the text, for pickers that carry their own label.
 */
export function PageHeader({ title, description, level = "h1", alignEnd = false, children }: {
  title: ReactNode
  description: ReactNode
  level?: "h1" | "h2"
  alignEnd?: boolean
  children?: ReactNode
}) {
  return (
    <div className={`flex flex-wrap ${alignEnd ? "items-end" : "items-center"} justify-between gap-4 px-6 py-4`}>
      <div>
        <Heading level={level}>{title}</Heading>
        <Text size="small" className="text-ui-fg-subtle">
          {description}
        </Text>
      </div>
      {children}
    </div>
  )
}
