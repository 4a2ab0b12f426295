// A minimal static file server on 127.0.0.1 for the built renderer (out/renderer): GET only,
// paths confined to the folder with the app's own app:// rules, no directory listings.

import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import { resolve } from 'node:path'

import { appResponseHeaders, confinedPath } from '../src/main/security/policy'

export interface StaticServer {
  origin: string
  close(): Promise<void>
}

export async function serveFolder(folder: string): Promise<StaticServer> {
  const root = resolve(folder)
  const server = createServer((req, res) => {
    // The app's own confinement and headers (CSP too), as app:// serves them.
    const file =
      req.method === 'GET' ? confinedPath(root, new URL(req.url ?? '/', 'http://x').pathname) : null
    if (!file) {
      res.writeHead(404).end()
      return
    }
    readFile(file).then(
      (body) => {
        res.writeHead(200, appResponseHeaders(file))
        res.end(body)
      },
      () => res.writeHead(404).end()
    )
  })
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done))
  const { port } = server.address() as AddressInfo
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((done) => {
        server.closeAllConnections()
        server.close(() => done())
      })
  }
}
