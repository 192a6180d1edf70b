/** Page language tags carry the script: what readers, screen readers and engines need to tell 简体 from 繁體. */
import { describe, expect, it } from 'vitest'
import { htmlLang } from '../../worker/render/html-lang.ts'

describe('htmlLang', () => {
  it('adds Hans to Simplified regions and Hant to Traditional ones', () => {
    expect(['zh-CN', 'zh-SG', 'zh-TW', 'zh-HK', 'zh-MO', 'zh-tw'].map(htmlLang)).toEqual([
      'zh-Hans-CN',
      'zh-Hans-SG',
      'zh-Hant-TW',
      'zh-Hant-HK',
      'zh-Hant-MO',
      'zh-Hant-TW',
    ])
  })
  it('leaves tags that name their script, a bare zh and other languages alone', () => {
    expect(['zh-Hant-TW', 'zh-Hans', 'zh', 'en', 'en-GB'].map(htmlLang)).toEqual([
      'zh-Hant-TW',
      'zh-Hans',
      'zh',
      'en',
      'en-GB',
    ])
  })
})
