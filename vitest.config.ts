// Unit tests run in Node, beside the code they test (src/**/*.test.ts).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'e2e/**/*.unit.test.ts'],
    environment: 'node'
  }
})
