/**
 * `node editor/launch.mjs NAME [args]`: runs the editor command editor/NAME.ts from a bundle esbuild made of it in
 * .cache/editor/ (BROADSHEET_EDITOR_BUILD names another folder in the repository, where the bundle's imports of
 * packages resolve), rebuilt whenever one of the files it was built
 * from changed. Plain JavaScript because Node 20 runs no TypeScript: tsx transpiles and starts a second Node
 * on every run, a second of CPU before the command does anything (docs/editors.md "Publish"); a bundle starts in
 * a tenth of that. Packages stay outside the bundle (loaded from node_modules, lazily where the code is lazy).
 */
import { randomBytes } from 'node:crypto'
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const COMMANDS = new Set(['publish', 'check'])

/** A source file's identity: changed content changes its size or its time. */
const stampOf = (file) => {
  const st = statSync(file, { bigint: true, throwIfNoEntry: false })
  return st ? `${st.ino}:${st.size}:${st.mtimeNs}` : 'missing'
}

/** The bundle recorded in `record` when every file it was built from is as it was; else null. */
function builtBundle(record) {
  try {
    const { dir, inputs } = JSON.parse(readFileSync(record, 'utf8'))
    if (!existsSync(dir)) return null
    for (const [file, stamp] of inputs) if (stampOf(resolve(repo, file)) !== stamp) return null
    return dir
  } catch {
    return null
  }
}

/**
 * esbuild writes `import.meta.url` as the bundle's own URL; code that finds files beside itself (the check
 * cache's fingerprint of the checker's code) must see its source file's URL, as under tsx.
 */
const sourceUrls = {
  name: 'source-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.ts$/ }, (args) => {
      const text = readFileSync(args.path, 'utf8')
      if (!text.includes('import.meta.url')) return undefined
      return {
        contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
        loader: 'ts',
      }
    })
  },
}

/** Builds editor/NAME.ts into a new folder under `root`, records it in `record`, and drops builds left stale. */
async function build(name, root, record) {
  const { build: esbuild } = await import('esbuild')
  const dir = join(root, `${name}-${randomBytes(4).toString('hex')}`)
  const result = await esbuild({
    entryPoints: [join(repo, 'editor', `${name}.ts`)],
    absWorkingDir: repo,
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    outdir: dir,
    outExtension: { '.js': '.mjs' },
    metafile: true,
    logLevel: 'error',
    plugins: [sourceUrls],
  })
  const inputs = Object.keys(result.metafile.inputs).map((f) => [f, stampOf(resolve(repo, f))])
  const tmp = `${record}.${process.pid}.tmp`
  writeFileSync(tmp, JSON.stringify({ dir, inputs }))
  renameSync(tmp, record)
  // Another run may still be loading an older build's chunks: only builds an hour old go.
  for (const old of readdirSync(root))
    if (old.startsWith(`${name}-`) && join(root, old) !== dir)
      if (Date.now() - statSync(join(root, old)).mtimeMs > 3_600_000)
        rmSync(join(root, old), { recursive: true, force: true })
  return dir
}

const name = process.argv[2]
if (!COMMANDS.has(name)) {
  process.stderr.write(`usage: node editor/launch.mjs ${[...COMMANDS].join('|')} [args]\n`)
  process.exit(2)
}
const root = resolve(repo, process.env.BROADSHEET_EDITOR_BUILD ?? '.cache/editor')
mkdirSync(root, { recursive: true })
const record = join(root, `${name}.json`)
const dir = builtBundle(record) ?? (await build(name, root, record))
// The build's folder names the code: a new one whenever a source file changed (editor/publish/publish-receipt.ts).
process.env.BROADSHEET_EDITOR_BUNDLE = dir
// The command reads its own arguments from process.argv, as when tsx runs editor/NAME.ts.
process.argv.splice(1, 2, join(repo, 'editor', `${name}.ts`))
await import(pathToFileURL(join(dir, `${name}.mjs`)).href)
