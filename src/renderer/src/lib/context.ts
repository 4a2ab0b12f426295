// The app's shared state reached through Svelte context: App.svelte provides it once, and any
// component below takes it with `appState()` instead of an `app` prop passed through each layer.

import { createContext } from 'svelte'

import type { AppState } from './app-state.svelte'

/** `appState()` during a component's initialisation: the AppState App.svelte provided. */
export const [appState, provideAppState] = createContext<AppState>()
