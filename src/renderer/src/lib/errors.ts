// What the analyst is told when something fails: the message of an Error (an ApiError carries
// main's message), or the thrown value as text. One rule for every state class.

export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error)
}
