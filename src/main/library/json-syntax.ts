// Finds where a JSON text first breaks the grammar, as line and column, because JSON.parse's messages
// do not reliably carry a position (it varies between V8 versions).

export interface JsonSyntaxError {
  /** 1-based line. */
  line: number
  /** 1-based column, in UTF-16 code units. */
  column: number
  message: string
}

class Failure {
  constructor(
    readonly offset: number,
    readonly message: string
  ) {}
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y

/** The first syntax error in `source` (a BOM-free JSON text), or undefined if it is valid JSON. */
export function findJsonSyntaxError(source: string): JsonSyntaxError | undefined {
  let pos = 0

  const fail = (expected: string): never => {
    const found = pos >= source.length ? 'end of input' : `character ${JSON.stringify(source[pos])}`
    throw new Failure(pos, `unexpected ${found}, expected ${expected}`)
  }
  const skipSpace = (): void => {
    while (pos < source.length && ' \t\n\r'.includes(source[pos] as string)) pos++
  }
  const expect = (char: string, expected: string): void => {
    skipSpace()
    if (source[pos] !== char) fail(expected)
    pos++
  }

  const string = (): void => {
    pos++ // opening quote
    for (;;) {
      const char = source[pos]
      if (char === undefined) fail('a closing quote (")')
      else if (char === '"') return void pos++
      else if (char < ' ') fail('an escaped control character (such as \\n) inside the string')
      else if (char === '\\') {
        pos++
        const escape = source[pos]
        if (escape === 'u' && /^[0-9a-fA-F]{4}$/.test(source.slice(pos + 1, pos + 5))) pos += 5
        else if (escape !== undefined && '"\\/bfnrt'.includes(escape)) pos++
        else fail('a valid escape sequence after "\\"')
      } else pos++
    }
  }

  const value = (): void => {
    skipSpace()
    const char = source[pos]
    if (char === '{') {
      pos++
      skipSpace()
      if (source[pos] === '}') return void pos++
      for (;;) {
        skipSpace()
        if (source[pos] !== '"') fail('a property name in double quotes')
        string()
        expect(':', 'a colon (:) after the property name')
        value()
        skipSpace()
        if (source[pos] === '}') return void pos++
        if (source[pos] !== ',') fail('a comma (,) or a closing brace (})')
        pos++
      }
    }
    if (char === '[') {
      pos++
      skipSpace()
      if (source[pos] === ']') return void pos++
      for (;;) {
        value()
        skipSpace()
        if (source[pos] === ']') return void pos++
        if (source[pos] !== ',') fail('a comma (,) or a closing bracket (])')
        pos++
      }
    }
    if (char === '"') return string()
    for (const literal of ['true', 'false', 'null']) {
      if (source.startsWith(literal, pos)) return void (pos += literal.length)
    }
    NUMBER.lastIndex = pos
    if (NUMBER.test(source)) return void (pos = NUMBER.lastIndex)
    fail('a value (object, array, string, number, true, false or null)')
  }

  try {
    value()
    skipSpace()
    if (pos < source.length) fail('nothing more after the end of the JSON value')
    return undefined
  } catch (error) {
    // Nesting too deep for the recursion: let the caller fall back to JSON.parse's message.
    if (error instanceof RangeError) return undefined
    if (!(error instanceof Failure)) throw error
    return { ...lineAndColumn(source, error.offset), message: error.message }
  }
}

/** 1-based line and column of a UTF-16 offset. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  const before = source.slice(0, offset)
  const line = before.split('\n').length
  return { line, column: offset - (before.lastIndexOf('\n') + 1) + 1 }
}
