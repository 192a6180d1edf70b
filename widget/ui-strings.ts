/** The widget's own words in its two UI languages, and its credit line (model/credit-line.ts). */
import type { CreditRole } from '../model/article.ts'
import { creditLineEn, creditLineZh } from '../model/credit-line.ts'

/** Every string the widget itself says (feed text is shown as given). */
export interface UiStrings {
  lang: 'zh-CN' | 'en'
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
  credit: creditLineZh,
}

const en: UiStrings = {
  lang: 'en',
  loading: 'Loading stories…',
  empty: 'No stories yet.',
  error: 'The stories could not be loaded.',
  retry: 'Try again',
  credit: creditLineEn,
}

/** Chinese for any `zh*` tag, English otherwise. */
export function uiStrings(lang: string | undefined): UiStrings {
  return lang?.toLowerCase().startsWith('zh') ? zh : en
}
