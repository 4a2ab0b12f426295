// Who a process is, beyond its pid (pids are reused): its host, and on Linux its boot and start
// tick, so a lock left by a dead process is told apart from a live one that got the same pid.

import { readFileSync } from 'node:fs'
import { hostname } from 'node:os'

/** What a lock claim records about its process. */
export interface ProcessIdentity {
  pid: number
  host: string
  /** When the process started (ISO, from its uptime; for messages). */
  started: string
  /** Linux: the boot the process ran in and its start time in clock ticks since that boot. */
  bootId?: string
  startTicks?: string
}

let self: ProcessIdentity | undefined

/** This process's identity (computed once). */
export function currentProcess(): ProcessIdentity {
  if (self?.pid !== process.pid) {
    const bootId = readLinux('/proc/sys/kernel/random/boot_id')?.trim()
    const startTicks = linuxStartTicks(process.pid)
    self = {
      pid: process.pid,
      host: hostname(),
      started: new Date(Date.now() - process.uptime() * 1000).toISOString(),
      ...(bootId && startTicks && { bootId, startTicks })
    }
  }
  return self
}

/**
 * Whether the process of `owner` still runs: false only when that is certain (same host, and
 * no such pid, or on Linux another boot or another start tick); undefined when it cannot be told
 * (another host), which callers treat as alive.
 */
export function isSameProcessAlive(owner: ProcessIdentity): boolean | undefined {
  if (owner.host !== hostname()) return undefined
  if (!isRunning(owner.pid)) return false
  const me = currentProcess()
  if (owner.bootId && me.bootId && owner.startTicks) {
    if (owner.bootId !== me.bootId) return false
    const ticks = linuxStartTicks(owner.pid)
    if (ticks !== undefined && ticks !== owner.startTicks) return false
  }
  return true
}

/** Whether a process with this pid is running (EPERM: it is, but belongs to someone else). */
export function isRunning(pid: number): boolean {
  if (!Number.isSafeInteger(pid) || pid <= 0) return false
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as { code?: string }).code === 'EPERM'
  }
}

/** Field 22 of /proc/<pid>/stat (after the command name, which may hold spaces and brackets). */
function linuxStartTicks(pid: number): string | undefined {
  const stat = readLinux(`/proc/${pid}/stat`)
  if (stat === undefined) return undefined
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  const ticks = fields[19]
  return ticks !== undefined && /^\d+$/.test(ticks) ? ticks : undefined
}

function readLinux(path: string): string | undefined {
  if (process.platform !== 'linux') return undefined
  try {
    return readFileSync(path, 'utf8')
  } catch {
    return undefined
  }
}
