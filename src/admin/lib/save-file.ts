/** Saves a downloaded file (a report's CSV) under its name. */
export function saveFile({ filename, blob }: { filename: string; blob: Blob }) {
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
