/**
 * The settings the Workers share must agree: the feed Worker shows the handle the federation Worker answers to, and
 * the discovery Worker builds its URLs, sitemaps and notices from the feed Worker's own settings.
 */
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { fediverseHandle, fediverseName, handleFromTitle } from '../../model/fediverse-handle.ts'
import { wranglerSettings } from '../helpers/wrangler-settings.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const varsOf = (config: string) =>
  new Map(
    wranglerSettings(join(ROOT, config))
      .filter((s) => s.kind === '[vars]')
      .map((s) => [s.name, s.mustShow[0]]),
  )

describe('wrangler.toml and fediverse/wrangler.toml', () => {
  it('give every [vars] key they share the same default', () => {
    const feed = varsOf('wrangler.toml')
    const fediverse = varsOf('fediverse/wrangler.toml')
    const shared = [...fediverse.keys()].filter((k) => feed.has(k))
    expect(shared).toEqual(expect.arrayContaining(['PUBLIC_BASE_URL', 'SITE_TITLE', 'FEDI_HANDLE']))
    const differing = shared.filter((k) => feed.get(k) !== fediverse.get(k))
    expect(differing).toEqual([])
  })
})

describe('wrangler.toml and discovery/wrangler.toml', () => {
  it('have the same [vars], each with the same default', () => {
    expect(Object.fromEntries(varsOf('discovery/wrangler.toml'))).toEqual(
      Object.fromEntries(varsOf('wrangler.toml')),
    )
  })
})

describe('the fediverse handle', () => {
  it('comes from FEDI_HANDLE when it is a valid name, else from the site title', () => {
    expect(fediverseName('Daily_News', 'Broadsheet')).toBe('daily_news')
    expect(fediverseName('', 'Broadsheet')).toBe('broadsheet')
    expect(fediverseName('not valid!', 'Qijiang Daily')).toBe('qijiang_daily')
    expect(handleFromTitle('綦江日报')).toBe('news')
  })

  it('names the host with its port', () => {
    expect(fediverseHandle('broadsheet', 'http://127.0.0.1:8787')).toBe('@broadsheet@127.0.0.1:8787')
  })
})
