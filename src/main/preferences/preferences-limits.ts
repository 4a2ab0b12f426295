// Bounds on what the preferences file may hold, and tolerant parsing of its text: a value nested
// too deep makes JSON.stringify overflow the stack, so one such value would block every later save.

/** Deepest nesting a value may have (a string is 1 level, `{ a: 'x' }` is 2). */
export const MAX_DEPTH = 32
/** Most characters one value may take in the file. */
export const MAX_VALUE_CHARS = 64 * 1024

/**
 * Why `value` is too deep or too large to store under `key` ('' when it is within the limits).
 * Walks level by level without recursion, so any depth (or a cycle) is measured safely.
 */
export function limitProblem(key: string, value: unknown): string {
  const tooLarge = `${key} is too large (at most ${MAX_VALUE_CHARS.toLocaleString('en')} characters)`
  let level: unknown[] = [value]
  // Every value takes at least one character, so counting them bounds the walk (even a cycle's).
  let count = 0
  for (let depth = 1; level.length > 0; depth++) {
    if (depth > MAX_DEPTH) return `${key} is nested deeper than ${MAX_DEPTH} levels`
    const next: unknown[] = []
    for (const item of level) {
      if (item === null || typeof item !== 'object') continue
      for (const child of Object.values(item)) next.push(child)
      if (next.length + count > MAX_VALUE_CHARS) return tooLarge
    }
    count += next.length
    level = next
  }
  // The depth is bounded now, so stringifying cannot overflow the stack.
  return (JSON.stringify(value)?.length ?? 0) > MAX_VALUE_CHARS ? tooLarge : ''
}

/** The text of the file without a UTF-8 byte order mark (editors such as Notepad add one). */
export function withoutBom(text: string): string {
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
}

/**
 * JSON.parse that tolerates a byte order mark; given to conf/electron-store as `deserialize` (conf
 * checks that the result is an object matching the schema).
 */
export function parsePreferencesText(text: string): Record<string, unknown> {
  return JSON.parse(withoutBom(text))
}

/** The file's text for `values`, in the format conf writes (tab-indented JSON). */
export function serializePreferences(values: Record<string, unknown>): string {
  return JSON.stringify(values, undefined, '\t')
}
