// compromise, the offline NLP library entity tagging uses, loaded at its first use: the only
// place that loads it (a second, ES-module copy would hold its lexicon twice).

import { createRequire } from 'node:module'

type Nlp = typeof import('compromise').default
let loaded: Nlp | undefined

/**
 * compromise's reading of `text`. Loaded here, not imported: its lexicon costs ~0.2 s and 8 MB of
 * heap, which the app's main (it tags entities only when importing or reviewing) must not pay at
 * every start. Its CommonJS build is one file, which loads in half the time of its ES modules.
 */
export function nlp(text: string): ReturnType<Nlp> {
  loaded ??= createRequire(import.meta.url)('compromise') as Nlp
  return loaded(text)
}
