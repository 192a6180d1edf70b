/**
 * `npx tsx bench/bundle-inputs.ts [wrangler.toml|discovery/wrangler.toml]`: what each source file costs a Worker's
 * bundle. Bundles as `wrangler deploy --dry-run` does, attributes every byte of the minified output to a source file
 * through the source map, and prints per file its minified bytes and its gzip contribution: how much smaller the
 * gzip (level 9) of the whole bundle gets without that file's bytes. Contributions overlap a little (shared words
 * compress once), so they do not add up to the total exactly.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join, relative, resolve } from 'node:path'
import { gzipSync } from 'node:zlib'
import { runBin } from '../test/helpers/run-command.ts'

const config = process.argv[2] ?? 'wrangler.toml'
const TOP = Number(process.env.TOP ?? 30)

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** Source map v3 `mappings`: for each segment, its generated line and column and its source index. */
function segments(mappings: string): { line: number; column: number; source: number }[] {
  const out: { line: number; column: number; source: number }[] = []
  let source = 0
  mappings.split(';').forEach((text, line) => {
    let column = 0
    for (const segment of text.split(',')) {
      if (segment === '') continue
      const fields: number[] = []
      let value = 0
      let shift = 0
      for (const char of segment) {
        const digit = BASE64.indexOf(char)
        value += (digit & 31) << shift
        if (digit & 32) shift += 5
        else {
          fields.push(value & 1 ? -(value >>> 1) : value >>> 1)
          value = 0
          shift = 0
        }
      }
      column += fields[0] ?? 0
      if (fields.length >= 4) {
        source += fields[1] ?? 0
        out.push({ line, column, source })
      }
    }
  })
  return out
}

const dir = await mkdtemp(join(tmpdir(), 'broadsheet-bundle-inputs-'))
try {
  const run = await runBin('wrangler', ['deploy', '--dry-run', '-c', config, '--outdir', dir])
  if (run.code !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${run.stdout}${run.stderr}`)
  const code = await readFile(join(dir, 'index.js'), 'utf8')
  const map = JSON.parse(await readFile(join(dir, 'index.js.map'), 'utf8')) as {
    sources: string[]
    mappings: string
  }
  const lineStarts = [0]
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1)
  // Each output character belongs to the source of the last mapping at or before it.
  const owner = new Int32Array(code.length).fill(-1)
  const marks = segments(map.mappings)
    .map((s) => ({ at: (lineStarts[s.line] ?? 0) + s.column, source: s.source }))
    .sort((a, b) => a.at - b.at)
  for (const [i, m] of marks.entries()) owner.fill(m.source, m.at, marks[i + 1]?.at ?? code.length)
  const total = gzipSync(code, { level: 9 }).byteLength
  const rows = map.sources.map((name, source) => {
    let raw = 0
    let rest = ''
    for (let i = 0; i < code.length; i++)
      if (owner[i] === source) raw++
      else rest += code[i]
    const gzip = raw === 0 ? 0 : total - gzipSync(rest, { level: 9 }).byteLength
    return { name: relative(process.cwd(), resolve(dir, name)), raw, gzip }
  })
  rows.sort((a, b) => b.gzip - a.gzip)
  console.log(`${config}: ${code.length} B minified, ${total} B gzip; the ${TOP} largest contributions:`)
  console.log('  gzip B  minified B  file')
  for (const r of rows.slice(0, TOP))
    console.log(`  ${String(r.gzip).padStart(6)}  ${String(r.raw).padStart(10)}  ${r.name}`)
} finally {
  await rm(dir, { recursive: true, force: true })
}
