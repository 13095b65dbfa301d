import { Plus, Trash } from "@medusajs/icons"
import { Button, IconButton, Input, Label, Text, Textarea } from "@medusajs/ui"
import { CheckboxItem } from "../form-controls"
import { Field } from "../form-drawer"
import { emptyVariant, variantShares, type VariantFormValues } from "../../lib/experiments"
import { numberOrNull } from "../../lib/form-values"

/** The variants of a draft: key, weight and share, and what each changes in the offers. */
export function VariantsEditor({ variants, onChange }: { variants: VariantFormValues[]; onChange: (v: VariantFormValues[]) => void }) {
  const shares = variantShares(variants.map((v) => numberOrNull(v.weight) ?? 0))
  const setVariant = (index: number, variant: VariantFormValues) => onChange(variants.map((v, i) => (i === index ? variant : v)))
  return (
    <fieldset className="flex flex-col gap-y-3" data-testid="variants-editor">
      <div className="flex flex-col gap-y-1">
        <Label size="small" weight="plus">
          Variants
        </Label>
        <Text size="xsmall" className="text-ui-fg-subtle">
          2 to 10; weights are relative. Empty fields keep the rule's own copy and incentive.
        </Text>
      </div>
      {variants.map((variant, index) => {
        const n = index + 1
        const set = <K extends keyof VariantFormValues>(key: K, value: VariantFormValues[K]) => setVariant(index, { ...variant, [key]: value })
        return (
          <div key={index} className="bg-ui-bg-subtle flex flex-col gap-y-2 rounded-md border px-3 py-2" data-testid={`variant-row-${n}`}>
            <div className="flex items-end gap-x-2">
              <Field id={`variant-${n}-key`} label={`Variant ${n} key`}>
                <Input id={`variant-${n}-key`} value={variant.key} onChange={(e) => set("key", e.target.value)} />
              </Field>
              <Field id={`variant-${n}-weight`} label="Weight">
                <Input
                  id={`variant-${n}-weight`}
                  className="w-20"
                  type="number"
                  min={0}
                  step="any"
                  value={variant.weight}
                  onChange={(e) => set("weight", e.target.value)}
                />
              </Field>
              <Text size="small" className="text-ui-fg-subtle w-14 pb-2" data-testid={`variant-${n}-share`}>
                {shares[index]}%
              </Text>
              <Field id={`variant-${n}-incentive`} label="Incentive %">
                <Input
                  id={`variant-${n}-incentive`}
                  className="w-24"
                  type="number"
                  step="any"
                  disabled={variant.upsell_off}
                  value={variant.incentive_percent}
                  onChange={(e) => set("incentive_percent", e.target.value)}
                />
              </Field>
              <IconButton
                size="small"
                variant="transparent"
                type="button"
                className="mb-1"
                aria-label={`Remove variant ${n}`}
                disabled={variants.length <= 2}
                onClick={() => onChange(variants.filter((_, i) => i !== index))}
              >
                <Trash />
              </IconButton>
            </div>
            <Field id={`variant-${n}-headline`} label="Headline override">
              <Input
                id={`variant-${n}-headline`}
                disabled={variant.upsell_off}
                value={variant.headline}
                onChange={(e) => set("headline", e.target.value)}
              />
            </Field>
            <Field id={`variant-${n}-body`} label="Body override">
              <Textarea
                id={`variant-${n}-body`}
                rows={2}
                disabled={variant.upsell_off}
                value={variant.body}
                onChange={(e) => set("body", e.target.value)}
              />
            </Field>
            <CheckboxItem
              id={`variant-${n}-upsell-off`}
              label="Upsell off (these visitors get no offers)"
              checked={variant.upsell_off}
              onChange={(on) => set("upsell_off", on)}
            />
          </div>
        )
      })}
      <div>
        <Button
          size="small"
          variant="secondary"
          type="button"
          disabled={variants.length >= 10}
          onClick={() => onChange([...variants, emptyVariant()])}
          data-testid="add-variant"
        >
          <Plus />
          Add variant
        </Button>
      </div>
    </fieldset>
  )
}
