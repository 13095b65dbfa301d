import type { CSSProperties, ReactNode } from "react"
import { Bar, BarChart, CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts"
import type { ChartRow, ChartSeries } from "../lib/tier-analytics"

// Recharts draws SVG; these are the dashboard's theme variables, so light and dark both read.
const tick = { fill: "var(--fg-subtle)", fontSize: 12 }
const axisLine = { stroke: "var(--border-base)" }
const tooltipStyle: CSSProperties = {
  background: "var(--bg-base)",
  border: "1px solid var(--border-base)",
  borderRadius: 8,
  boxShadow: "var(--elevation-flyout)",
  color: "var(--fg-base)",
  fontSize: 12,
}
const legendText = (value: string) => <span className="txt-compact-xsmall text-ui-fg-subtle">{value}</span>
// Series keep their order (segments by rank), not the alphabetical default.
const legend = <Legend formatter={legendText} iconType="circle" iconSize={8} itemSorter={null} />
const LABEL_CHARS = 30
const shortLabel = (label: string) => (label.length > LABEL_CHARS ? `${label.slice(0, LABEL_CHARS - 1)}…` : label)

type ChartProps = {
  /** What the chart shows, for screen readers; its numbers are in the table beside it. */
  label: string
  testId: string
  data: ChartRow[]
  series: ChartSeries[]
  /** Axis ticks; the tooltip shows `formatValue` (the exact value) when given. */
  format?: (value: number) => string
  formatValue?: (value: number) => string
  height?: number
}

function Frame({ label, testId, height, children }: { label: string; testId: string; height: number; children: ReactNode }) {
  return (
    <div role="img" aria-label={label} data-testid={testId} className="w-full" style={{ height }}>
      <ResponsiveContainer width="100%" height="100%">
        {children}
      </ResponsiveContainer>
    </div>
  )
}

const plain = (value: number) => value.toLocaleString()

/** Bars grow and lines draw in, unless the admin asked their system for less motion. */
const animated = () => typeof window === "undefined" || !window.matchMedia?.("(prefers-reduced-motion: reduce)").matches

/** Bars per category, one per series, side by side; categories down the side when `across` is set (long names). */
export function BarsChart({ label, testId, data, series, format = plain, formatValue = format, height, across = false }: ChartProps & { across?: boolean }) {
  const tooltip = <Tooltip contentStyle={tooltipStyle} cursor={{ fill: "var(--bg-base-hover)" }} formatter={(value) => formatValue(Number(value))} />
  return (
    <Frame label={label} testId={testId} height={height ?? (across ? Math.max(160, data.length * 24 * Math.max(1, series.length) + 80) : 280)}>
      <BarChart data={data} layout={across ? "vertical" : "horizontal"} margin={{ top: 8, right: 16, bottom: 0, left: 0 }} barGap={2}>
        <CartesianGrid stroke="var(--border-base)" strokeDasharray="3 3" horizontal={!across} vertical={across} />
        {across ? (
          <>
            <XAxis type="number" tick={tick} axisLine={axisLine} tickLine={false} tickFormatter={format} allowDecimals={false} />
            <YAxis type="category" dataKey="label" tick={tick} axisLine={axisLine} tickLine={false} width={200} tickFormatter={shortLabel} />
          </>
        ) : (
          <>
            <XAxis dataKey="label" tick={tick} axisLine={axisLine} tickLine={false} interval={0} />
            <YAxis tick={tick} axisLine={axisLine} tickLine={false} tickFormatter={format} allowDecimals={false} width={56} />
          </>
        )}
        {tooltip}
        {legend}
        {series.map((s) => (
          <Bar
            key={s.key}
            dataKey={s.key}
            name={s.name}
            fill={s.color}
            radius={across ? [0, 4, 4, 0] : [4, 4, 0, 0]}
            maxBarSize={32}
            isAnimationActive={animated()}
          />
        ))}
      </BarChart>
    </Frame>
  )
}

/** A line per series over ordered categories (periods). */
export function LinesChart({ label, testId, data, series, format = plain, formatValue = format, height = 280 }: ChartProps) {
  return (
    <Frame label={label} testId={testId} height={height}>
      <LineChart data={data} margin={{ top: 8, right: 16, bottom: 0, left: 0 }}>
        <CartesianGrid stroke="var(--border-base)" strokeDasharray="3 3" vertical={false} />
        <XAxis dataKey="label" tick={tick} axisLine={axisLine} tickLine={false} minTickGap={24} />
        <YAxis tick={tick} axisLine={axisLine} tickLine={false} tickFormatter={format} width={72} />
        <Tooltip contentStyle={tooltipStyle} cursor={{ stroke: "var(--border-strong)" }} formatter={(value) => formatValue(Number(value))} />
        {legend}
        {series.map((s) => (
          <Line
            key={s.key}
            dataKey={s.key}
            name={s.name}
            stroke={s.color}
            strokeWidth={2}
            type="monotone"
            dot={data.length <= 31 ? { r: 2, fill: s.color } : false}
            activeDot={{ r: 4 }}
            isAnimationActive={animated()}
          />
        ))}
      </LineChart>
    </Frame>
  )
}
