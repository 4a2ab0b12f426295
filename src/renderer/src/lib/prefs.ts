// Session-scoped reader preferences (kept in sessionStorage, so they last until the app quits).

const SHOW_ENTITIES_KEY = 'briefing-reader:show-entities'

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage
  } catch {
    return null // storage can be disabled; preferences then last as long as the page
  }
}

export function loadShowEntities(): boolean {
  return storage()?.getItem(SHOW_ENTITIES_KEY) !== 'off'
}

export function saveShowEntities(show: boolean): void {
  storage()?.setItem(SHOW_ENTITIES_KEY, show ? 'on' : 'off')
}
