// The figures of the continuous reader's benchmark (e2e/perf/reader-perf.ts measures them in
// Chromium, bench/reader-bench.ts turns them into table rows), shared by both; no DOM here.

/** The longest of some tasks and how many were over 50 ms. */
export interface Tasks {
  longestMs: number
  over50: number
}

/** Opening and scrolling the long briefing, windowed or with every section rendered. */
export interface ReaderFigures {
  firstPaintMs: number
  /** Tasks while opening and while scrolling: wall-clock (long tasks API) and main-thread CPU. */
  open: { wall: Tasks; cpu: Tasks }
  scroll: { wall: Tasks; cpu: Tasks }
  rendered: number
}

/** One highlight recoloured in the editor, until the editor shows the colour main answered. */
export interface EditFigures {
  /** Click to the answer applied and painted (wall clock), the slowest of the edits. */
  editMs: number
  wall: Tasks
  cpu: Tasks
  /** JSON characters of one edit's answer. */
  answerChars: number
}

export interface ReaderBenchResult {
  sections: number
  highlights: number
  windowed: ReaderFigures
  all: ReaderFigures
  edit: { delta: EditFigures; whole: EditFigures }
}

/** Highlight edits measured per run. */
export const EDITS = 3
