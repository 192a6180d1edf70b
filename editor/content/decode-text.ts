/** Turns a content file's bytes into LF lines, or says why it cannot: the only place that decodes article text. */
import { Buffer, isUtf8 } from 'node:buffer'

/** The file as lines (index 0 is line 1), or the problem that stopped decoding. */
export type DecodedText = { ok: true; lines: string[] } | { ok: false; line: number; message: string }

/**
 * Decodes strict UTF-8. A BOM is dropped and CRLF becomes LF (FORMAT.md: editors on Windows save both silently,
 * and neither changes the meaning); a lone CR is left in place for the control-character check to report.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  // isUtf8 validates natively, several times faster than a fatal TextDecoder: 1,000 articles add up.
  if (!isUtf8(bytes))
    return {
      ok: false,
      line: firstBadUtf8Line(bytes),
      message: 'the file is not valid UTF-8; save it as UTF-8',
    }
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8')
  if (text.startsWith('\uFEFF')) text = text.slice(1)
  text = text.replaceAll('\r\n', '\n')
  return { ok: true, lines: text.split('\n') }
}

/** Finds the line of the first byte sequence that fails to decode, so the editor knows where to look. */
function firstBadUtf8Line(bytes: Uint8Array): number {
  let line = 1
  let start = 0
  for (let i = 0; i <= bytes.length; i++) {
    if (i === bytes.length || bytes[i] === 0x0a) {
      if (!isUtf8(bytes.subarray(start, i))) return line
      line++
      start = i + 1
    }
  }
  return 1
}
