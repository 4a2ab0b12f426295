// Node options that give a Node process the shape of Electron's utility process, where the app
// runs its import and index (`process.type` "utility", `process.versions.electron` set): a
// library that branches on them (pdf.js) behaves there as it will in the app.

const SHAPE = [
  "Object.defineProperty(process, 'versions', {",
  "  value: { ...process.versions, electron: '45.0.0' }, configurable: true })",
  "Object.defineProperty(process, 'type', { value: 'utility', configurable: true, enumerable: true })"
].join('\n')

/** Loaded before the entry, as Electron sets both before it runs the entry script. */
export const UTILITY_PROCESS_ARGV: readonly string[] = [
  '--import',
  `data:text/javascript,${encodeURIComponent(SHAPE)}`
]
