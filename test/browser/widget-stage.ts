/** The stage most widget tests share: a feed origin, a partner page origin and one Chromium, started and stopped together. */
import { readFile } from 'node:fs/promises'
import { type FeedServer, startFeedServer } from '../helpers/feed-server.ts'
import { type Chromium, launchChromium } from '../helpers/launch-chromium.ts'
import { type PartnerServer, startPartnerServer } from '../helpers/partner-server.ts'

export interface WidgetStage {
  browser: Chromium
  feed: FeedServer
  partner: PartnerServer
  close(): Promise<void>
}

/** Starts the two loopback origins (the feed one serving `extraFiles` too) and a browser. */
export async function startWidgetStage(
  extraFiles?: Parameters<typeof startFeedServer>[0],
): Promise<WidgetStage> {
  const feed = await startFeedServer(extraFiles)
  const partner = await startPartnerServer(feed.origin)
  const browser = await launchChromium()
  return {
    browser,
    feed,
    partner,
    close: async () => {
      await browser.close()
      await feed.close()
      await partner.close()
    },
  }
}

/** The content hash of the current build (`dist/assets/widget-manifest.json`), for `/widget.<hash>.js`. */
export async function builtWidgetHash(): Promise<string> {
  const manifest: unknown = JSON.parse(await readFile('dist/assets/widget-manifest.json', 'utf8'))
  return typeof manifest === 'object' && manifest && 'hash' in manifest ? String(manifest.hash) : ''
}
