// The memory figures a background process reports in its stats (the benchmark reads them).

/** This process's memory (bytes), for stats. */
export function memory(): {
  rss: number
  heapUsed: number
  arrayBuffers: number
  maxRss: number
} {
  const usage = process.memoryUsage()
  return {
    rss: usage.rss,
    heapUsed: usage.heapUsed,
    arrayBuffers: usage.arrayBuffers,
    maxRss: process.resourceUsage().maxRSS * 1024
  }
}
