/**
 * `wrangler dev` with every Worker, as `npm start` runs them (the feed Worker first, answering; the discovery and
 * federation Workers behind its service bindings), with the federation Worker's development settings: a fresh key, 127.0.0.1
 * allowed, retries after 1 s, and FEDI_INDEXABLE off (so a test sees a setting reach the actor documents). Its config is a copy in a temporary folder, so its .dev.vars is the test's own.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { devVarsText } from '../../editor/start/fediverse-dev-vars.ts'
import { configArgs, SITE_CONFIGS } from '../../editor/start/worker-configs.ts'
import { type DevServer, startWranglerDev } from './wrangler-dev.ts'

/** Serves the state in `persistTo` with both Workers; `stop()` also removes the copied config. */
export async function startFederatedDev(persistTo: string): Promise<DevServer> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-fediverse-config-'))
  const config = (await readFile('fediverse/wrangler.toml', 'utf8'))
    .replace(/^main = .*$/m, `main = ${JSON.stringify(resolve('fediverse/index.ts'))}`)
    .replace(/^FEDI_ALLOW_LOOPBACK = .*$/m, 'FEDI_ALLOW_LOOPBACK = "true"')
    .replace(/^FEDI_RETRY_SECONDS = .*$/m, 'FEDI_RETRY_SECONDS = "1"')
    .replace(/^FEDI_INDEXABLE = .*$/m, 'FEDI_INDEXABLE = "false"')
  await writeFile(join(dir, 'wrangler.toml'), config)
  await writeFile(join(dir, '.dev.vars'), devVarsText())
  try {
    const dev = await startWranglerDev(persistTo, 120_000, [
      ...configArgs([...SITE_CONFIGS, join(dir, 'wrangler.toml')]),
      '--test-scheduled',
    ])
    return {
      url: dev.url,
      stop: async () => {
        await dev.stop()
        await rm(dir, { recursive: true, force: true })
      },
    }
  } catch (e) {
    await rm(dir, { recursive: true, force: true })
    throw e
  }
}
