/** Test projects: pure units in Node, the Worker inside workerd, editor tools against real wrangler, the widget in Chromium. */
import { cloudflareTest } from '@cloudflare/vitest-pool-workers'
import { kCurrentWorker } from 'miniflare'
import { defineConfig, type Plugin } from 'vitest/config'
import { BaseSequencer, type TestSpecification } from 'vitest/node'

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

/**
 * Integration files that start processes (the CLI tools) or encode large photos, without wrangler or Chromium.
 * Every integration file keeps to itself (temp folders, free ports, caches written atomically), so the two projects
 * differ only in what they prove, not in how they are scheduled.
 */
const INTEGRATION_PARALLEL = [
  'test/integration/bundle-size.test.ts',
  'test/integration/content-check-cli.test.ts',
  'test/integration/content-check-renames.test.ts',
  'test/integration/content-copy-desk.test.ts',
  'test/integration/editor-launch.test.ts',
  'test/integration/hostile-content-check.test.ts',
  'test/integration/import-cli.test.ts',
  'test/integration/import-photo-files.test.ts',
  'test/integration/photo-publish.test.ts',
  'test/integration/photo-renditions.test.ts',
]

/**
 * The files that take longest, longest first. On a clean clone Vitest knows no durations and starts larger files
 * first, so a long file could start last and run alone at the end; started first, it runs beside all the others
 * and the two workers finish together. Only the order changes: a file missing here still runs, just later.
 */
const LONGEST_FIRST = [
  'test/integration/fediverse-follower.test.ts',
  'test/integration/w3c-validator.test.ts',
  'test/integration/publish-editors.test.ts',
  'test/integration/publish-batches.test.ts',
  'test/integration/publish.test.ts',
  'test/integration/publish-remote.test.ts',
  'test/browser/photo-renditions.test.ts',
  'test/browser/preview.test.ts',
  'test/browser/subject-embeds.test.ts',
]

class LongestFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => {
      const i = LONGEST_FIRST.findIndex((path) => f.moduleId.endsWith(path))
      return i === -1 ? LONGEST_FIRST.length : i
    }
    return (await super.sort(files)).sort((a, b) => rank(a) - rank(b))
  }
}

export default defineConfig({
  test: {
    // Two files at a time, in every project: Vitest's default (one worker less than the cores) is a single worker on
    // the 2-core machines CI and development run on, which ran every file of the suite one after another. Most of an
    // integration file's time is waiting on the processes it starts (wrangler, workerd, Chromium, the readers).
    maxWorkers: 2,
    sequence: { sequencer: LongestFirst },
    projects: [
      {
        // A deadline per test, not a timing: with two files at a time a 2 s test may take longer than Vitest's 5 s.
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
          environment: 'node',
          testTimeout: 30_000,
          // Pure code with no module state between files: the files of a worker share one module graph instead of
          // importing it again each (a quarter of the project's time was imports).
          isolate: false,
        },
      },
      {
        plugins: [
          cloudflareTest({
            // The feed Worker, and the discovery Worker beside it (test/worker/workers.ts).
            main: './test/worker/workers.ts',
            wrangler: { configPath: './wrangler.toml' },
            miniflare: {
              serviceBindings: {
                // The discovery Worker (discovery/) in the same workerd, on the same KV: the feed Worker forwards
                // its paths through this binding as it does through the deployed one.
                DISCOVERY: { name: kCurrentWorker, entrypoint: 'discovery' },
                // The federation Worker (fediverse/) runs in the integration tests; here FEDIVERSE answers with
                // what it was asked, so the tests see what the feed Worker forwards.
                FEDIVERSE: (request: Request) =>
                  new Response(`${request.method} ${new URL(request.url).pathname}`, {
                    headers: { 'x-fediverse-stub': '1' },
                  }),
              },
            },
          }),
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
          exclude: INTEGRATION_PARALLEL,
          environment: 'node',
          // As below: one module graph per worker. What modules keep between files is keyed by what each file starts
          // (the federation Worker's caches are per database; the editor's per content tree or draft).
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration-parallel',
          include: INTEGRATION_PARALLEL,
          environment: 'node',
          // As the unit project: these files hold no module state (each runs its commands as processes).
          isolate: false,
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
})
