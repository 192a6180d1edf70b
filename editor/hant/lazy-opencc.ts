/**
 * OpenCC's converter (opencc-js) with its tables loaded as the texts need them. opencc-js builds a trie of every
 * entry of every table (about 100,000 phrases, some twice, about 49 MB of maps) before it converts one character;
 * a publish that converts one article needs the entries of a few hundred characters.
 *
 * The output is opencc-js's, character for character: OpenCC matches the longest entry starting at each position,
 * and an entry can only match where the text holds its first character, so a trie holding every entry that starts
 * with a character of the text finds the same matches. Entries are loaded per first character, from every table of
 * the group at once and in opencc-js's order (the group's tables in reverse, so the first table wins a key that
 * several hold), so the same entry wins.
 */
import { Locale, Trie } from 'opencc-js/cn2t'

type Dict = string

/** Where each entry of a table lies, by the first character (code point) of its key: start, end, start, end… */
type Ranges = Map<number, number[]>

/** Adds the entry at `[at, end)` of `text` under `key` (runs of entries under one key stay one range). */
function addRange(ranges: Ranges, key: number, at: number, end: number): void {
  const list = ranges.get(key)
  if (!list) ranges.set(key, [at, end])
  else if (list[list.length - 1] === at - 1) list[list.length - 1] = end
  else list.push(at, end)
}

/** One of opencc-js's tables (`key value|key value|…`), indexed by the first character of each key. */
class IndexedDict {
  private readonly byFirst: Ranges = new Map()
  constructor(private readonly text: Dict) {
    for (let at = 0; at < text.length; ) {
      const bar = text.indexOf('|', at)
      const end = bar < 0 ? text.length : bar
      addRange(this.byFirst, text.codePointAt(at) as number, at, end)
      at = end + 1
    }
  }

  /** Every `key value` entry whose key starts with `first`, in the table's order. */
  each(first: number, add: (key: string, value: string) => void): void {
    const list = this.byFirst.get(first)
    if (!list) return
    for (let i = 0; i < list.length; i += 2) {
      for (const entry of this.text.slice(list[i], list[i + 1]).split('|')) {
        // As opencc-js reads an entry: the key, a space, the replacement (up to any further space).
        const [from, to] = entry.split(' ')
        if (from === undefined || to === undefined)
          throw new TypeError(`OpenCC table entry without a replacement: ${entry}`)
        add(from, to)
      }
    }
  }
}

/** A group of tables as one opencc-js Trie, filled with the entries of each character a text brings. */
class LazyTrie {
  private readonly trie = new Trie()
  /** Per code point: its entries are in the trie. */
  private readonly loaded = new Uint8Array(0x110000)
  private readonly tables: IndexedDict[]
  constructor(group: readonly IndexedDict[]) {
    this.tables = [...group].reverse()
  }

  /** The trie, holding every entry that starts with a character of `text`. */
  for(text: string): Trie {
    for (let i = 0; i < text.length; ) {
      const cp = text.codePointAt(i) as number
      i += cp > 0xffff ? 2 : 1
      if (this.loaded[cp] === 1) continue
      this.loaded[cp] = 1
      for (const table of this.tables) table.each(cp, (from, to) => this.trie.addWord(from, to))
    }
    return this.trie
  }
}

/** A converter's tables as opencc-js ships them: each stage a group of tables of text. */
export interface OpenccConfig {
  normalizationChain?: readonly (readonly Dict[])[]
  segmentation: readonly Dict[]
  conversionChain: readonly (readonly Dict[])[]
}

/** The configuration opencc-js's `Converter({ from, to })` uses, as tables of text (it ships them so). */
export function openccConfig(name: string): OpenccConfig {
  const config = (Locale.configs as Record<string, unknown> | undefined)?.[name] as OpenccConfig | undefined
  const isGroup = (g: unknown): g is Dict[] => Array.isArray(g) && g.every((d) => typeof d === 'string')
  if (
    !config ||
    !isGroup(config.segmentation) ||
    !Array.isArray(config.conversionChain) ||
    !config.conversionChain.every(isGroup) ||
    !(config.normalizationChain === undefined || config.normalizationChain.every(isGroup))
  )
    throw new Error(
      `opencc-js has no configuration ${name} made of text tables: see editor/hant/lazy-opencc.ts`,
    )
  return config
}

/** opencc-js's converter for `config` (`openccConfig('s2tw')`: `cn` → `tw`), its tables loaded as texts need them. */
export function lazyOpenccConverter(config: OpenccConfig): (text: string) => string {
  const indexed = new Map<Dict, IndexedDict>()
  const group = (dicts: readonly Dict[]) =>
    new LazyTrie(
      dicts.map((d) => {
        const table = indexed.get(d) ?? new IndexedDict(d)
        indexed.set(d, table)
        return table
      }),
    )
  const normalize = (config.normalizationChain ?? []).map(group)
  const segmentation = group(config.segmentation)
  const chain = config.conversionChain.map(group)
  return (text) => {
    const normal = normalize.reduce((t, trie) => trie.for(t).convert(t), text)
    let pieces = segmentation.for(normal).segment(normal)
    for (const trie of chain) pieces = pieces.map((p) => trie.for(p).convert(p))
    return pieces.join('')
  }
}
