/** One headless Debian Chromium per test file, cut off from everything but loopback. */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { type BrowserContext, chromium } from 'playwright-core'

/** A persistent context (playwright refuses --user-data-dir in args) and a way to close it and its profile. */
export interface Chromium {
  context: BrowserContext
  close(): Promise<void>
}

/** Records, from before any page script runs, what the tests assert on: CSP violations and widget events. */
const INSTRUMENT = `
  window.__violations = [];
  window.__events = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__violations.push(e.violatedDirective + ' ' + e.blockedURI);
  });
  for (const type of ['broadsheet-load', 'broadsheet-error']) {
    document.addEventListener(type, (e) => {
      window.__events.push({ type, id: e.target.id, detail: e.detail });
    });
  }
`

/** Launches Chromium with the project's flags. */
export async function launchChromium(): Promise<Chromium> {
  const dir = await mkdtemp(join(tmpdir(), 'broadsheet-chromium-'))
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium',
    headless: true,
    viewport: { width: 1000, height: 800 },
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  })
  await context.addInitScript({ content: INSTRUMENT })
  return {
    context,
    async close() {
      await context.close()
      await rm(dir, { recursive: true, force: true })
    },
  }
}
