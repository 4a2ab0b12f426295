// Which command-line switches a packaged app refuses to start with: each gives whoever starts the
// binary control of it from outside (a debugger, a remote-debugging port, scripts or extensions
// loaded into it, a weaker sandbox or web security). Pure; index.ts applies it to process.argv.

/** Switch names (lower case, no dashes) refused whatever their value. */
const REFUSED = new Set([
  'remote-debugging-port',
  'remote-debugging-pipe',
  'remote-debugging-address',
  'remote-allow-origins',
  'inspect',
  'inspect-brk',
  'inspect-port',
  'inspect-publish-uid',
  'inspect-wait',
  'debug',
  'debug-brk',
  'js-flags',
  'no-sandbox',
  'disable-web-security',
  'disable-site-isolation-trials',
  'allow-file-access-from-files',
  'load-extension',
  'disable-extensions-except',
  'proxy-server',
  'proxy-pac-url',
  'host-rules',
  'host-resolver-rules',
  'ignore-certificate-errors',
  'enable-logging',
  'log-net-log',
  'renderer-cmd-prefix',
  'gpu-launcher',
  'utility-cmd-prefix',
  'browser-subprocess-path'
])

/** The name of a switch argument ("--inspect-brk=9229" → "inspect-brk"), or undefined. */
function switchName(arg: string, windows: boolean): string | undefined {
  // Chromium reads "--x" and "-x" everywhere, and "/x" on Windows too.
  const match = (windows ? /^(?:--|-|\/)([^=\s]+)/ : /^(?:--|-)([^=\s]+)/).exec(arg)
  return match?.[1]?.toLowerCase()
}

/**
 * The arguments (after the executable) that a packaged app refuses, in the order given. Chromium
 * stops reading switches after a lone "--", so what follows it (file names) is never refused.
 */
export function refusedSwitches(args: readonly string[], platform: string): string[] {
  const refused: string[] = []
  for (const arg of args) {
    if (arg === '--') break
    const name = switchName(arg, platform === 'win32')
    if (name !== undefined && REFUSED.has(name)) refused.push(arg)
  }
  return refused
}

/** The one message the app prints (and shows) before it exits. */
export function refusedMessage(appName: string, refused: readonly string[]): string {
  return (
    `${appName} does not start with ${refused.join(', ')}: ` +
    'these switches would let another program debug or control it. Start it without them.'
  )
}
