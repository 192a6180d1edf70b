/**
 * The paper's editions: the Simplified original and its Traditional (Taiwan) edition, converted at publish time.
 * An edition is a URL prefix in front of every public path and a KV key infix (model/store-keys.ts); the widget,
 * the Worker and publish all take these facts from here.
 */

/** An edition's name: `hans` is the original (Simplified, mainland), `hant` the Traditional (Taiwan) conversion. */
export type EditionName = 'hans' | 'hant'

export interface Edition {
  name: EditionName
  /** Prefix of the edition's public paths (`''` or `/zh-tw`); its home page is `{prefix}/`. */
  path: string
  /** The content language as feeds write it (RSS `language`, JSON Feed `language`, the article model's `lang`). */
  lang: string
  /** The same as pages write it (BCP 47 with script: `lang`, `hreflang`, JSON-LD `inLanguage`). */
  htmlLang: string
  /** The script switch's label for this edition (`简` / `繁`), written in that edition's script. */
  label: string
}

export const EDITIONS: Readonly<Record<EditionName, Edition>> = {
  hans: { name: 'hans', path: '', lang: 'zh-CN', htmlLang: 'zh-Hans-CN', label: '简' },
  hant: { name: 'hant', path: '/zh-tw', lang: 'zh-TW', htmlLang: 'zh-Hant-TW', label: '繁' },
}

/** The Traditional edition's path prefix: `/zh-tw`. */
export const HANT_PATH = EDITIONS.hant.path

/** The edition a site path belongs to, and the path within it (`/zh-tw/articles/x` → hant, `/articles/x`). */
export function editionOfPath(pathname: string): { edition: Edition; path: string } {
  if (pathname === HANT_PATH || pathname.startsWith(`${HANT_PATH}/`))
    return { edition: EDITIONS.hant, path: pathname.slice(HANT_PATH.length) || '/' }
  return { edition: EDITIONS.hans, path: pathname }
}
