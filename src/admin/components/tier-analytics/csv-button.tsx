import { ArrowDownTray } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { getReportCsv } from "../../lib/api"
import { errorMessage } from "../../lib/form-values"
import type { AnalyticsReport } from "../../../contract/admin"

function saveFile({ filename, blob }: { filename: string; blob: Blob }) {
  const url = URL.createObjectURL(blob)
  const link = document.createElement("a")
  link.href = url
  link.download = filename
  document.body.appendChild(link)
  link.click()
  link.remove()
  // The browser has taken the file once the click returns; the URL only holds memory.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** The report as the API's CSV file, saved under the name the API gives it. */
export function CsvButton({ report, query, disabled }: { report: AnalyticsReport; query: object; disabled?: boolean }) {
  const download = useMutation({
    mutationFn: () => getReportCsv(report, query),
    onSuccess: saveFile,
    onError: (error) => toast.error("The CSV could not be downloaded", { description: errorMessage(error) }),
  })
  return (
    <Button size="small" variant="secondary" disabled={disabled} isLoading={download.isPending} onClick={() => download.mutate()} data-testid={`export-${report}`}>
      <ArrowDownTray />
      Export CSV
    </Button>
  )
}
