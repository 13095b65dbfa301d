import { Button, Select } from "@medusajs/ui"
import { PageHeader } from "./page-header"

type ListHeaderProps<T extends string> = {
  title: string
  description: string
  filter: { value: T; options: { value: T; label: string }[]; onChange: (value: T) => void; testId: string }
  create: { label: string; onClick: () => void; testId: string }
}

/** A list page's heading with its filter and create button, as the upsell pages lay them out. */
export function ListHeader<T extends string>({ title, description, filter, create }: ListHeaderProps<T>) {
  return (
    <PageHeader title={title} description={description}>
      <div className="flex items-center gap-x-2">
        <div className="w-40">
          <Select value={filter.value} onValueChange={(v) => filter.onChange(v as T)}>
            <Select.Trigger aria-label="Show" data-testid={filter.testId}>
              <Select.Value />
            </Select.Trigger>
            <Select.Content>
              {filter.options.map((f) => (
                <Select.Item key={f.value} value={f.value}>
                  {f.label}
                </Select.Item>
              ))}
            </Select.Content>
          </Select>
        </div>
        <Button size="small" variant="secondary" onClick={create.onClick} data-testid={create.testId}>
          {create.label}
        </Button>
      </div>
    </PageHeader>
  )
}
