/** Test projects: pure units in Node, the Worker inside workerd, editor tools against real wrangler, the widget in Chromium. */
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { defineConfig, type Plugin } from 'vitest/config'

/** `feed` ships a sourceMappingURL without its map: load the file without that line so Vite stays quiet. */
const dropMissingSourceMaps: Plugin = {
  name: 'drop-missing-source-maps',
  async load(id) {
    if (!id.includes('/node_modules/feed/')) return null
    const { readFile } = await import('node:fs/promises')
    const code = await readFile(id.split('?')[0] ?? id, 'utf8')
    return code.replace(/\/\/# sourceMappingURL=.*$/m, '')
  },
}

export default defineConfig({
  test: {
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], environment: 'node' } },
      {
        plugins: [
          cloudflareTest({ main: './worker/index.ts', wrangler: { configPath: './wrangler.toml' } }),
          dropMissingSourceMaps,
        ],
        test: {
          name: 'worker',
          include: ['test/worker/**/*.test.ts'],
          setupFiles: ['test/worker/fresh-isolate.ts'],
          // The seed built by the real publisher in Node, provided to the tests (test/worker/seed.ts).
          globalSetup: ['test/worker/published-seed-setup.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: [
            'test/integration/**/*.test.ts',
            'test/browser/**/*.test.ts',
            'test/readers/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
})
