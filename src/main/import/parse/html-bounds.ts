// Bounds what parsing an imported page may take. parse5 keeps every open element on a stack and a
// node for each in the tree: an 18 MB page of nested lists took 2.9 GB to parse.

import { defaultTreeAdapter } from 'parse5'
import type { DefaultTreeAdapterMap, TreeAdapter } from 'parse5'

/**
 * Deepest nesting of elements accepted (html and body included). Browsers show pages far
 * shallower: Chromium's parser stops nesting at 512 levels.
 */
export const MAX_HTML_DEPTH = 1000
/**
 * Most JavaScript heap an import may be using while a page is parsed. A 20 MB page of ordinary
 * markup peaks near 600 MB; the import process's own cap (IMPORT_HEAP_LIMIT_MB) is above this,
 * so a page refused here gets a message instead of a crash.
 */
export const MAX_PARSE_HEAP_BYTES = 1024 * 1024 * 1024
/** Elements between two looks at the heap: reading it costs microseconds, parsing them far more. */
const HEAP_CHECK_EVERY = 16_384

/** Thrown while parsing a page over a bound; the message is for the analyst (the file is named by the caller). */
export class HtmlTooLargeError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'HtmlTooLargeError'
  }
}

export interface HtmlBounds {
  maxDepth: number
  maxHeapBytes: number
  heapUsed: () => number
}

const DEFAULT_BOUNDS: HtmlBounds = {
  maxDepth: MAX_HTML_DEPTH,
  maxHeapBytes: MAX_PARSE_HEAP_BYTES,
  heapUsed: () => process.memoryUsage().heapUsed
}

/**
 * parse5's default tree, refusing to go deeper than the depth limit (the parser's stack of open
 * elements is the nesting depth) or to grow the heap past the budget: parsing stops at the first
 * element over a bound, long before the tree exhausts memory.
 */
export function boundedTreeAdapter(
  bounds: Partial<HtmlBounds> = {}
): TreeAdapter<DefaultTreeAdapterMap> {
  const { maxDepth, maxHeapBytes, heapUsed } = { ...DEFAULT_BOUNDS, ...bounds }
  let depth = 0
  let pushes = 0
  return {
    ...defaultTreeAdapter,
    onItemPush: () => {
      depth += 1
      if (depth > maxDepth) {
        throw new HtmlTooLargeError(
          `it nests its elements more than ${maxDepth.toLocaleString('en-GB')} levels deep, ` +
            'deeper than any readable page; it was not imported.'
        )
      }
      pushes += 1
      if (pushes % HEAP_CHECK_EVERY === 0 && heapUsed() > maxHeapBytes) {
        throw new HtmlTooLargeError(
          `reading it needs more than the ${Math.round(maxHeapBytes / 2 ** 20).toLocaleString('en-GB')} MB ` +
            'an import may use; it was not imported.'
        )
      }
    },
    onItemPop: () => {
      depth -= 1
    }
  }
}
