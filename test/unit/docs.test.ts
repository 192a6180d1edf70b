/**
 * Docs that cannot drift: every route has a row in docs/urls.md and every row is routed; every wrangler setting,
 * binding, trigger and secret has a row in the operators' settings table; every `npm run` a document names exists;
 * every relative link resolves; README's prerequisites name every package CI installs. Each failure names the
 * document and the line to add.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, normalize } from 'node:path'
import { describe, expect, it } from 'vitest'
import { isFediverseUrl } from '../../worker/fediverse-forward.ts'
import { routes } from '../../worker/routes.ts'
import {
  codeSpans,
  headingAnchors,
  headingTexts,
  type MarkdownFile,
  markdownFiles,
  npmRunNames,
  proseLines,
  relativeLinks,
  repoFiles,
  tableRows,
} from '../helpers/markdown-facts.ts'
import { type WranglerSetting, wranglerSettings } from '../helpers/wrangler-settings.ts'

const ROOT = join(import.meta.dirname, '..', '..')
const URLS_DOC = 'docs/urls.md'
const SETTINGS_DOC = 'docs/operators.md'
const docs = markdownFiles(ROOT)
const doc = (path: string): MarkdownFile => {
  const found = docs.find((d) => d.path === path)
  if (!found) throw new Error(`${path} is missing`)
  return found
}

/** A path pattern with its parameters made anonymous: `/feeds/:slug.rss` and `/feeds/{slug}.rss` compare equal. */
const normalisePath = (path: string): string =>
  path
    .replace(/\?.*$/, '')
    .replace(/\{[^}]*\}/g, ':')
    .replace(/:[A-Za-z_]\w*[?+*]?/g, ':')
    .replace(/:(?:\.:)+/g, ':')

/** The paths of the URL table: every backticked `/…` in the first cell of a `| path |` table. */
function documentedPaths(): { line: number; path: string }[] {
  return tableRows(doc(URLS_DOC), 'path').flatMap((row) =>
    codeSpans(row.cells[0] ?? '')
      .filter((span) => span.startsWith('/'))
      .map((path) => ({ line: row.line, path })),
  )
}

describe(`the URL table (${URLS_DOC})`, () => {
  const documented = documentedPaths()
  const documentedSet = new Set(documented.map((d) => normalisePath(d.path)))
  const routed = new Set(routes.map((r) => normalisePath(r.path)))

  it('has a row for every route in worker/routes.ts', () => {
    const missing = routes
      .filter((r) => !documentedSet.has(normalisePath(r.path)))
      .map(
        (r) =>
          `${URLS_DOC}: route ${r.path} (worker/routes.ts) has no row; add one: | \`${r.path.replace(/:(\w+)/g, '{$1}')}\` | what it serves | content type | ${r.cors ? 'yes' : ''} |`,
      )
    expect(missing).toEqual([])
  })

  it('names only paths that worker/routes.ts routes', () => {
    const unrouted = documented
      .filter((d) => !routed.has(normalisePath(d.path)))
      .map(
        (d) =>
          `${URLS_DOC}:${d.line}: ${d.path} is not a route in worker/routes.ts; fix the path or remove it`,
      )
    expect(unrouted).toEqual([])
  })

  it('marks CORS exactly on the routes that answer preflights', () => {
    const corsOf = new Map(routes.map((r) => [normalisePath(r.path), r.cors]))
    const wrong = tableRows(doc(URLS_DOC), 'path').flatMap((row) =>
      codeSpans(row.cells[0] ?? '')
        .filter((p) => p.startsWith('/') && corsOf.has(normalisePath(p)))
        .filter((p) => corsOf.get(normalisePath(p)) !== (row.cells[3] === 'yes'))
        .map(
          (p) =>
            `${URLS_DOC}:${row.line}: ${p} has cors: ${corsOf.get(normalisePath(p))} in worker/routes.ts; write ${corsOf.get(normalisePath(p)) ? '"yes"' : 'nothing'} in its CORS cell (a row per CORS value)`,
        ),
    )
    expect(wrong).toEqual([])
  })
})

describe(`the federation table (${URLS_DOC})`, () => {
  it('names only paths the feed Worker forwards to the federation Worker', () => {
    const rows = tableRows(doc(URLS_DOC), 'federation path')
    expect(rows.length).toBeGreaterThan(0)
    const wrong = rows.flatMap((row) =>
      codeSpans(row.cells[0] ?? '')
        .filter((p) => p.startsWith('/'))
        .filter((p) => !isFediverseUrl(`https://news.example${p.replace(/\{[^}]*\}/g, 'x')}`))
        .map(
          (p) => `${URLS_DOC}:${row.line}: ${p} is not forwarded (worker/fediverse-forward.ts); fix the path`,
        ),
    )
    expect(wrong).toEqual([])
  })
})

/** Every wrangler config of the repository: the feed Worker's and any other Worker's folder (e.g. fediverse/). */
function wranglerConfigs(): string[] {
  const nested = readdirSync(ROOT, { withFileTypes: true })
    .filter((e) => e.isDirectory() && existsSync(join(ROOT, e.name, 'wrangler.toml')))
    .map((e) => `${e.name}/wrangler.toml`)
  return ['wrangler.toml', ...nested.filter((p) => !p.startsWith('node_modules'))]
}

/** TypeScript files under a folder, declarations and tests aside. */
function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return []
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full)
    return e.name.endsWith('.ts') && !e.name.endsWith('.d.ts') && !e.name.endsWith('.test.ts') ? [full] : []
  })
}

/** Names the code reads from a Worker's `env` or the workflows read from `secrets` that no config declares. */
function secretsReadByCode(declared: ReadonlySet<string>): WranglerSetting[] {
  const workerDirs = [
    'worker',
    ...wranglerConfigs()
      .slice(1)
      .map((p) => dirname(p)),
  ]
  const fromEnv = workerDirs.flatMap((dir) =>
    sourceFiles(join(ROOT, dir)).flatMap((file) =>
      [...readFileSync(file, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b/g)].map((m) => ({
        name: m[1] ?? '',
        where: file.slice(ROOT.length + 1),
        kind: 'secret (`wrangler secret put`)',
      })),
    ),
  )
  const workflows = join(ROOT, '.github', 'workflows')
  const fromWorkflows = existsSync(workflows)
    ? readdirSync(workflows).flatMap((f) =>
        [...readFileSync(join(workflows, f), 'utf8').matchAll(/\bsecrets\.([A-Z][A-Z0-9_]*)/g)]
          .filter((m) => m[1] !== 'GITHUB_TOKEN')
          .map((m) => ({ name: m[1] ?? '', where: `.github/workflows/${f}`, kind: 'repository secret' })),
      )
    : []
  const undeclared = [...fromEnv, ...fromWorkflows].filter((s) => !declared.has(s.name))
  return [...new Map(undeclared.map((s) => [s.name, { ...s, mustShow: [] }])).values()]
}

describe(`the settings table (${SETTINGS_DOC})`, () => {
  const rows = tableRows(doc(SETTINGS_DOC), 'setting')
  const rowFor = (name: string) => rows.find((r) => codeSpans(r.cells[0] ?? '').includes(name))
  const configured = wranglerConfigs().flatMap((p) =>
    wranglerSettings(join(ROOT, p)).map((s) => ({ ...s, where: s.where.slice(ROOT.length + 1) })),
  )
  const settings = [...configured, ...secretsReadByCode(new Set(configured.map((s) => s.name)))]

  it('reads some settings at all (the reader still understands wrangler.toml)', () => {
    expect(configured.map((s) => s.name)).toEqual(
      expect.arrayContaining(['PUBLIC_BASE_URL', 'CONTENT', 'crons']),
    )
  })

  it('has a row for every [vars] key, binding, trigger and secret, showing its default', () => {
    const problems = settings.flatMap((s) => {
      const row = rowFor(s.name)
      const shown = s.mustShow.map((v) => `\`${v}\``).join(', ') || 'none'
      if (!row)
        return [
          `${SETTINGS_DOC}: no row for ${s.name} (${s.kind}, ${s.where}); add one: | \`${s.name}\` | ${s.kind} | ${shown} | what it does |`,
        ]
      const absent = s.mustShow.filter((v) => !row.text.includes(v))
      return absent.map(
        (v) =>
          `${SETTINGS_DOC}:${row.line}: the row for ${s.name} does not show ${v} (${s.where}); write \`${v}\``,
      )
    })
    expect(problems).toEqual([])
  })
})

describe('npm scripts and the documents', () => {
  const scripts: Record<string, string> = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).scripts

  it('name only scripts package.json has', () => {
    const unknown = docs.flatMap((file) =>
      npmRunNames(file)
        .filter(({ name }) => !(name in scripts))
        .map(({ line, name }) => `${file.path}:${line}: "npm run ${name}" is not a script in package.json`),
    )
    expect(unknown).toEqual([])
  })

  it('document every script package.json has', () => {
    const named = new Set(docs.flatMap((file) => npmRunNames(file).map((n) => n.name)))
    const text = docs.map((d) => d.lines.join('\n')).join('\n')
    const undocumented = Object.keys(scripts)
      .filter(
        (name) => !named.has(name) && !(['start', 'test'].includes(name) && text.includes(`npm ${name}`)),
      )
      .map(
        (name) =>
          `script "${name}" is in no document; add to docs/development.md: | \`npm run ${name}\` | what it does |`,
      )
    expect(undocumented).toEqual([])
  })
})

describe('relative links in Markdown', () => {
  it('resolve to a file, and a #anchor to a heading of it', () => {
    const broken = docs.flatMap((file) =>
      relativeLinks(file).flatMap(({ line, target }) => {
        const [path = '', anchor] = target.split('#')
        const resolved = path === '' ? file.path : normalize(join(dirname(file.path), decodeURI(path)))
        const at = `${file.path}:${line}: link ${target}`
        if (!existsSync(join(ROOT, resolved))) return [`${at}: ${resolved} does not exist`]
        if (!anchor || !resolved.endsWith('.md') || statSync(join(ROOT, resolved)).isDirectory()) return []
        const target_ = docs.find((d) => d.path === resolved)
        if (!target_ || headingAnchors(target_).has(decodeURIComponent(anchor))) return []
        return [`${at}: ${resolved} has no heading with the anchor #${anchor}`]
      }),
    )
    expect(broken).toEqual([])
  })
})

describe('references from code to a document\'s section (README "Prerequisites", docs/editors.md "Photos")', () => {
  it('name a heading that exists', () => {
    const code = repoFiles(ROOT, (name) => /\.(ts|toml|ya?ml|sh)$/.test(name) || name === 'run')
    const stale = code.flatMap((path) =>
      readFileSync(join(ROOT, path), 'utf8')
        .split('\n')
        .flatMap((text, i) =>
          [...text.matchAll(/\b(README|[\w./-]*\.md):? "([^"$`]+)"/g)].flatMap((m) => {
            const name = m[1] === 'README' ? 'README.md' : (m[1] ?? '')
            const target = docs.find((d) => d.path === name) ?? docs.find((d) => d.path.endsWith(`/${name}`))
            if (target && headingTexts(target).includes(m[2] ?? '')) return []
            const where = `${path}:${i + 1}`
            return [
              `${where}: ${m[0]} names no heading of ${target?.path ?? name}; point it at a section that exists`,
            ]
          }),
        ),
    )
    expect(stale).toEqual([])
  })
})

describe('Markdown prose', () => {
  it('keeps lines within 200 characters (tables and code blocks aside)', () => {
    const long = docs.flatMap((file) =>
      proseLines(file)
        .filter(({ text }) => [...text].length > 200 && !text.trimStart().startsWith('|'))
        .map(({ line, text }) => `${file.path}:${line}: ${[...text].length} characters; wrap it`),
    )
    expect(long).toEqual([])
  })
})

describe("README's prerequisites", () => {
  it('name every Debian package .ci/run installs', () => {
    const ci = readFileSync(join(ROOT, '.ci', 'run'), 'utf8')
    const packages = [...ci.matchAll(/need\+=\(([^)]+)\)/g)].flatMap((m) => (m[1] ?? '').trim().split(/\s+/))
    expect(packages.length).toBeGreaterThan(0)
    const readme = doc('README.md').lines.join('\n')
    const missing = packages
      .filter((p) => !readme.includes(`\`${p}\``))
      .map(
        (p) =>
          `README.md "Prerequisites": add \`${p}\` (installed by .ci/run) with what the tests use it for`,
      )
    expect(missing).toEqual([])
  })
})
