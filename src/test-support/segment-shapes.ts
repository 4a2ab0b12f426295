// A compact picture of segmentText's output for its unit tests (segments and segments-highlights).

/** The mention type the segmentation tests use. */
export interface M {
  start: number
  end: number
  entity: string
}

/** What `shape` reads of a segmented paragraph (renderer/src/lib/segments.ts's Paragraph). */
interface Segmented {
  runs: readonly {
    mention: { entity: string } | null
    pieces: readonly { text: string; match: boolean }[]
  }[]
}

/** Per paragraph, runs as [text, entity|null, marked texts]. */
export function shape(paragraphs: readonly Segmented[]): [string, string | null, string[]][][] {
  return paragraphs.map((p) =>
    p.runs.map((r) => [
      r.pieces.map((x) => x.text).join(''),
      r.mention?.entity ?? null,
      r.pieces.filter((x) => x.match).map((x) => x.text)
    ])
  )
}
