// Tiny validation combinators for data crossing a boundary (IPC requests): each check returns the
// typed value or a message naming the path of the first wrong field and what was expected.

/** A checked value, or a message saying which field is wrong and what was expected. */
export type Validation<T> = { ok: true; value: T } | { ok: false; message: string }
/** Checks a whole IPC request (or file) from its top. */
export type Validator<T> = (input: unknown) => Validation<T>
export type Check<T> = (input: unknown, path: string) => Validation<T>
export type Infer<C> = C extends Check<infer T> ? T : never

const ok = <T>(value: T): Validation<T> => ({ ok: true, value })
const fail = (path: string, expected: string): Validation<never> => ({
  ok: false,
  message: `${path || 'request'}: expected ${expected}`
})

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false
  const proto = Object.getPrototypeOf(value)
  return proto === Object.prototype || proto === null
}

export const str =
  (options: { min?: number; max: number; pattern?: RegExp; describe?: string }): Check<string> =>
  (input, path) => {
    const { min = 0, max, pattern, describe } = options
    if (typeof input !== 'string' || input.length < min || input.length > max) {
      return fail(path, describe ?? `a string of ${min}–${max} characters`)
    }
    if (pattern && !pattern.test(input))
      return fail(path, describe ?? `a string matching ${pattern}`)
    return ok(input)
  }

export const bool: Check<boolean> = (input, path) =>
  typeof input === 'boolean' ? ok(input) : fail(path, 'true or false')

export const int =
  (min: number, max: number): Check<number> =>
  (input, path) =>
    Number.isInteger(input) && (input as number) >= min && (input as number) <= max
      ? ok(input as number)
      : fail(path, `a whole number from ${min} to ${max}`)

export const literal =
  <const L extends string>(...values: L[]): Check<L> =>
  (input, path) =>
    values.includes(input as L) ? ok(input as L) : fail(path, `one of ${values.join(', ')}`)

export const array =
  <T>(item: Check<T>, max: number): Check<T[]> =>
  (input, path) => {
    if (!Array.isArray(input) || input.length > max) return fail(path, `a list of at most ${max}`)
    const out: T[] = []
    for (let i = 0; i < input.length; i++) {
      const checked = item(input[i], `${path}[${i}]`)
      if (!checked.ok) return checked
      out.push(checked.value)
    }
    return ok(out)
  }

type Shape = Record<string, Check<unknown>>
type Optional<S extends Shape, O extends keyof S> = {
  [K in Exclude<keyof S, O>]: Infer<S[K]>
} & { [K in O]?: Infer<S[K]> }

/** An object with exactly these fields (those in `optional` may be absent); others are refused. */
export function object<S extends Shape>(shape: S): Check<{ [K in keyof S]: Infer<S[K]> }>
export function object<S extends Shape, O extends keyof S>(
  shape: S,
  optional: readonly O[]
): Check<Optional<S, O>>
export function object<S extends Shape, O extends keyof S>(
  shape: S,
  optional: readonly O[] = []
): Check<Optional<S, O>> {
  // Worked out once per shape: snapshots check these for every one of 10,000s of records.
  const entries = Object.entries(shape)
  const optionalKeys = new Set<string>(optional as readonly string[])
  return (input, path) => {
    if (!isPlainObject(input)) return fail(path, 'an object')
    for (const key of Object.keys(input)) {
      // Own properties only: `in` would let "constructor" or "toString" through from the prototype.
      if (!Object.hasOwn(shape, key))
        return { ok: false, message: `${path || 'request'}: unexpected field "${key}"` }
    }
    const out: Record<string, unknown> = {}
    for (const [key, check] of entries) {
      if (!Object.hasOwn(input, key) || input[key] === undefined) {
        if (optionalKeys.has(key)) continue
        return fail(`${path}.${key}`, 'a value (it is missing)')
      }
      const checked = check(input[key], `${path}.${key}`)
      if (!checked.ok) return checked
      out[key] = checked.value
    }
    return ok(out as Optional<S, O>)
  }
}

/** One of several object shapes told apart by their `op` (or other) discriminant field. */
export function union<T>(field: string, variants: Record<string, Check<T>>): Check<T> {
  return (input, path) => {
    if (!isPlainObject(input)) return fail(path, 'an object')
    const tag = input[field]
    const variant =
      typeof tag === 'string' && Object.hasOwn(variants, tag) ? variants[tag] : undefined
    if (!variant) return fail(`${path}.${field}`, `one of ${Object.keys(variants).join(', ')}`)
    return variant(input, path)
  }
}

/** A top-level request validator from a check, with paths starting at "request". */
export function validator<T>(check: Check<T>): Validator<T> {
  return (input) => check(input, 'request')
}
