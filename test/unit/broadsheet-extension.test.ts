import { describe, expect, it } from 'vitest'
import { parseBroadsheetExtension } from '../../model/broadsheet-extension.ts'
import { ModelError } from '../../model/model-error.ts'
import { allFeed, articleFeed } from '../../worker/render/feed-document.ts'
import { renderJsonFeed } from '../../worker/render/render-json-feed.ts'
import { buildAllPage, buildArticleValue, buildSiteConfig } from '../fixtures/build-article.ts'

const items = (body: string): { _broadsheet: unknown }[] => JSON.parse(body).items

const extension = () =>
  structuredClone(
    items(renderJsonFeed(articleFeed(buildArticleValue(), buildSiteConfig())))[0]?._broadsheet,
  ) as Record<string, unknown>

describe('parseBroadsheetExtension', () => {
  it('reads back exactly what the JSON Feed renderer writes, on article feeds and "all" pages', () => {
    const site = buildSiteConfig()
    const rendered = [
      ...items(renderJsonFeed(articleFeed(buildArticleValue(), site))),
      ...items(renderJsonFeed(allFeed(buildAllPage({ archived: 2 }), site))),
    ]
    expect(rendered.length).toBeGreaterThan(2)
    for (const item of rendered) expect(parseBroadsheetExtension(item._broadsheet)).toEqual(item._broadsheet)
  })

  it('throws a ModelError naming the field that does not fit', () => {
    const value = extension()
    ;(value.photos as Record<string, unknown>[])[0] = { ...(value.photos as object[])[0], width: '1200' }
    expect(() => parseBroadsheetExtension(value)).toThrow(ModelError)
    expect(() => parseBroadsheetExtension(value)).toThrow(
      '_broadsheet.photos[0].width: expected an integer >= 1',
    )
  })

  it('rejects an unknown credit role, a missing article and a value that is not an object', () => {
    const badRole = extension()
    ;(badRole.photos as Record<string, unknown>[])[0] = {
      ...(badRole.photos as object[])[0],
      credit: { role: 'intern', name: 'X' },
    }
    expect(() => parseBroadsheetExtension(badRole)).toThrow(
      '_broadsheet.photos[0].credit.role: expected one of',
    )
    expect(() => parseBroadsheetExtension({ ...extension(), article: null })).toThrow(
      '_broadsheet.article: expected an object',
    )
    expect(() => parseBroadsheetExtension(undefined)).toThrow('_broadsheet: expected an object')
  })
})
