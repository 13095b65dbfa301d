import { useState } from "react"

/**
 * A picture in a frame of fixed proportions: the frame keeps its size whether the picture loads,
 * is still loading, fails or is missing (then it shows a quiet empty frame), so nothing moves.
 */
export function Picture(props: { src: string | null; alt: string; width: number; height: number; className: string }) {
  const [failed, setFailed] = useState<string | null>(null)
  const shown = props.src && failed !== props.src ? props.src : null
  return (
    <div className={`picture ${props.className}${shown ? "" : " is-empty"}`} style={{ aspectRatio: `${props.width} / ${props.height}` }}>
      {shown && (
        <img src={shown} alt={props.alt} width={props.width} height={props.height} loading="lazy" decoding="async" onError={() => setFailed(shown)} />
      )}
    </div>
  )
}
