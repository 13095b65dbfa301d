import { ArrowDownTray } from "@medusajs/icons"
import { Button, toast } from "@medusajs/ui"
import { useMutation } from "@tanstack/react-query"
import { getReportCsv } from "../../lib/api"
import { errorMessage } from "../../lib/form-values"
import { saveFile } from "../../lib/save-file"
import type { AnalyticsReport } from "../../../contract/admin"

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
