/**
 * The widget's own words in its UI languages (Simplified and Traditional Chinese, English), and the credit line of
 * an English UI (model/credit-line.ts). A Chinese UI prints the feed's own credit line (`_broadsheet`
 * `credit_line`, in the feed's script: `記者 石亮 攝`), so no table of Chinese credit labels is bundled.
 */
import type { CreditRole } from '../model/article.ts'
import { creditLineEn } from '../model/credit-line.ts'

/** Every string the widget itself says (feed text is shown as given). */
export interface UiStrings {
  lang: 'zh-CN' | 'zh-TW' | 'en'
  loading: string
  empty: string
  error: string
  retry: string
  credit: (role: CreditRole, name: string) => string
}

const zh: UiStrings = {
  lang: 'zh-CN',
  loading: '正在加载报道…',
  empty: '暂无报道。',
  error: '报道暂时无法加载。',
  retry: '重试',
  // Feeds without `credit_line` (written before it existed): the name alone.
  credit: (_role, name) => name,
}

/** Traditional script, for the Traditional edition's feeds (language zh-TW) and Traditional pages. */
const zhTw: UiStrings = {
  ...zh,
  lang: 'zh-TW',
  loading: '正在載入報導…',
  empty: '暫無報導。',
  error: '報導暫時無法載入。',
  retry: '重試',
}

const en: UiStrings = {
  lang: 'en',
  loading: 'Loading stories…',
  empty: 'No stories yet.',
  error: 'The stories could not be loaded.',
  retry: 'Try again',
  credit: creditLineEn,
}

/** Traditional for `zh-TW`, `zh-HK`, `zh-MO`, `zh-Hant*`; Simplified for any other `zh*` tag; English otherwise. */
export function uiStrings(lang = ''): UiStrings {
  return /^zh-(tw|hk|mo|hant)/i.test(lang) ? zhTw : /^zh/i.test(lang) ? zh : en
}
