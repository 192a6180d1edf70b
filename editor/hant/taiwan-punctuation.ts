/** Quotation marks as Taiwan sets them: “” → 「」 and ‘’ → 『』 (Ministry of Education punctuation handbook). */

const DOUBLE: Readonly<Record<string, string>> = { '“': '「', '”': '」' }

/**
 * Converts curly quotation marks. A single ’ with no ‘ open before it is an apostrophe (Xi’an, don’t) and stays;
 * double marks have no such second use.
 */
export function taiwanPunctuation(text: string): string {
  if (!/[“”‘’]/.test(text)) return text
  let out = ''
  let openSingles = 0
  for (const c of text) {
    const double = DOUBLE[c]
    if (double) out += double
    else if (c === '‘') {
      openSingles++
      out += '『'
    } else if (c === '’' && openSingles > 0) {
      openSingles--
      out += '』'
    } else out += c
  }
  return out
}
