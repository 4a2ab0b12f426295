// Problems found while loading a dataset file, each naming the file and the JSON path it concerns,
// plus the error thrown when a dataset folder cannot be loaded.

export interface DatasetProblem {
  /** The dataset file (or folder) the problem is in. */
  file: string
  /** JSON path into the file, e.g. `$.briefings[0].sections[2].mentions[5].end`; '' for the file itself. */
  path: string
  message: string
}

/** Thrown by `loadDatasetDir` when any dataset file has problems; the message lists all of them. */
export class DatasetLoadError extends Error {
  constructor(readonly problems: DatasetProblem[]) {
    super(`Dataset could not be loaded:\n${problems.map(formatProblem).join('\n')}`)
    this.name = 'DatasetLoadError'
  }
}

/** One problem as a `file: path: message` line (the path is left out when empty). */
export function formatProblem(problem: DatasetProblem): string {
  return problem.path
    ? `${problem.file}: ${problem.path}: ${problem.message}`
    : `${problem.file}: ${problem.message}`
}

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/

/** Appends a property name or array index to a JSON path (`$`, `$.a`, `$.a[0]`, `$["b c"]`). */
export function childPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`
  return IDENTIFIER.test(key) ? `${path}.${key}` : `${path}[${JSON.stringify(key)}]`
}

/** Converts a JSON Pointer (as ajv reports `instancePath`) to a JSON path. */
export function pointerToPath(pointer: string): string {
  if (!pointer) return '$'
  return pointer
    .slice(1)
    .split('/')
    .map((token) => token.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<string>(
      (path, token) => childPath(path, /^(0|[1-9]\d*)$/.test(token) ? Number(token) : token),
      '$'
    )
}
