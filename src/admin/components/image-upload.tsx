import { Button, Text } from "@medusajs/ui"
import { useRef, useState } from "react"
import { imageFileProblem } from "../lib/image-file"
import { sdk } from "../lib/sdk"

type ImageUploadProps = {
  /** The image URL the field holds now, previewed beside the button. */
  value: string
  label: string
  onUploaded: (url: string) => void
}

/**
 * Uploads an image through Medusa's admin upload route (its File module: local files in
 * development, S3 or another provider in production) and hands back the file's URL. A file that
 * is not an image, or too big, is refused here with a message and nothing is uploaded.
 */
export function ImageUpload({ value, label, onUploaded }: ImageUploadProps) {
  const input = useRef<HTMLInputElement>(null)
  const [uploading, setUploading] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const upload = async (file: File | undefined) => {
    if (!file) {
      return
    }
    const problem = imageFileProblem(file)
    if (problem) {
      setError(problem)
      if (input.current) {
        input.current.value = ""
      }
      return
    }
    setUploading(true)
    setError(null)
    try {
      const { files } = await sdk.admin.upload.create({ files: [file] })
      onUploaded(files[0].url)
    } catch (e) {
      setError(`The image was not uploaded: ${(e as Error).message}`)
    } finally {
      setUploading(false)
      if (input.current) {
        input.current.value = ""
      }
    }
  }

  return (
    <div className="flex flex-col gap-y-2">
      <div className="flex items-center gap-x-3">
        {value && <img src={value} alt="" data-testid="image-preview" className="h-10 w-16 rounded-md object-cover" />}
        <Button type="button" size="small" variant="secondary" isLoading={uploading} onClick={() => input.current?.click()}>
          {label}
        </Button>
        <input
          ref={input}
          type="file"
          accept="image/*"
          hidden
          aria-label={label}
          onChange={(e) => upload(e.target.files?.[0])}
        />
      </div>
      {error && (
        <Text size="xsmall" className="text-ui-fg-error" role="alert">
          {error}
        </Text>
      )}
    </div>
  )
}
