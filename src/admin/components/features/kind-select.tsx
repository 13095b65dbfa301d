import type { FeatureKind } from "../../lib/feature-rows"

export const KIND_LABELS: Record<FeatureKind, string> = { yesno: "Yes/no", number: "Number", text: "Text" }

/** How a row's value is entered; a native select, small enough for a row of inputs. */
export function KindSelect({ value, onChange, label }: { value: FeatureKind; onChange: (kind: FeatureKind) => void; label: string }) {
  return (
    <select
      aria-label={label}
      value={value}
      onChange={(e) => onChange(e.target.value as FeatureKind)}
      className="bg-ui-bg-field shadow-borders-base txt-compact-small h-8 rounded-md px-2 text-ui-fg-base"
    >
      {(Object.keys(KIND_LABELS) as FeatureKind[]).map((kind) => (
        <option key={kind} value={kind}>
          {KIND_LABELS[kind]}
        </option>
      ))}
    </select>
  )
}
