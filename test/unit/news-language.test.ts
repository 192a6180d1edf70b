import { describe, expect, it } from 'vitest'
import { newsLanguage } from '../../model/news-language.ts'

describe('newsLanguage (Google News publication language)', () => {
  it('names Simplified Chinese zh-cn and Traditional Chinese zh-tw, as Google requires', () => {
    for (const tag of ['zh-CN', 'zh', 'zh-Hans', 'zh-Hans-CN', 'zh-SG', 'ZH_cn'])
      expect([tag, newsLanguage(tag)]).toEqual([tag, 'zh-cn'])
    for (const tag of ['zh-TW', 'zh-Hant', 'zh-Hant-HK', 'zh-HK', 'zh-MO'])
      expect([tag, newsLanguage(tag)]).toEqual([tag, 'zh-tw'])
  })

  it('names other languages by their ISO 639 code alone', () => {
    expect(['en-GB', 'en', 'fr-CA', 'yue-HK'].map(newsLanguage)).toEqual(['en', 'en', 'fr', 'yue'])
  })
})
