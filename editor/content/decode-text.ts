/** Turns a content file's bytes into LF lines, or says why it cannot: the only place that decodes article text. */

/** The file as lines (index 0 is line 1), or the problem that stopped decoding. */
export type DecodedText = { ok: true; lines: string[] } | { ok: false; line: number; message: string }

const fatalUtf8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true })

/**
 * Decodes strict UTF-8. A BOM is dropped and CRLF becomes LF (FORMAT.md: editors on Windows save both silently,
 * and neither changes the meaning); a lone CR is left in place for the control-character check to report.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string
  try {
    text = fatalUtf8.decode(bytes)
  } catch {
    return {
      ok: false,
      line: firstBadUtf8Line(bytes),
      message: 'the file is not valid UTF-8; save it as UTF-8',
    }
  }
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  return { ok: true, lines: text.replaceAll('\r\n', '\n').split('\n') }
}

/** Finds the line of the first byte sequence that fails to decode, so the editor knows where to look. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      try {
        fatalUtf8.decode(bytes.subarray(start, i))
      } catch {
        return line
      }
      line++
      start = i + 1
    }
  }
  return 1
}
