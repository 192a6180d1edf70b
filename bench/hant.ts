/**
 * `npm run bench:hant`: how long the zh-TW edition's conversion (glossary + OpenCC `cn` → `tw` + punctuation) takes
 * for the seed article: every text a reader sees, as publish converts it. Prints the one-off indexing of the tables,
 * then the time per article over BENCH_ROUNDS rounds (default 10) of 200 conversions each: median and min–max of the rounds;
 * then 10,000 conversions one after another (BENCH_ARTICLES), timed whole, as a full publish of that many converts.
 */
import { loadavg } from 'node:os'
import { checkContent } from '../editor/content/check-content.ts'
import type { DraftArticle, DraftPhoto } from '../editor/content/draft.ts'
import { createHantConverter } from '../editor/hant/create-hant-converter.ts'
import { readGlossary } from '../editor/hant/read-glossary.ts'

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10)
const ARTICLES = Number(process.env.BENCH_ARTICLES ?? 10_000)
const PER_ROUND = 200

/** Every text of an article that the edition converts (the fields convertArticle maps). */
function texts(a: DraftArticle): string[] {
  const photo = (p: DraftPhoto) => [p.alt, p.caption, p.credit.name]
  return [
    a.title,
    a.dek ?? '',
    a.byline.name,
    ...(a.contributors ?? []).map((c) => c.name),
    ...a.tags,
    ...(a.corrections ?? []).map((c) => c.text),
    ...a.lede,
    ...a.sections.flatMap((s) => [
      s.heading,
      ...s.paragraphs,
      ...s.photos.flatMap(photo),
      ...(s.corrections ?? []).map((c) => c.text),
    ]),
    ...a.photos.flatMap(photo),
  ]
}

const { articles } = await checkContent('content', { warnings: false })
const seed = articles[0]
if (!seed) throw new Error('no article in content/: the bench converts the seed')
const all = texts(seed)
const chars = all.reduce((n, t) => n + t.length, 0)
const t0 = performance.now()
const convert = createHantConverter(readGlossary('content').entries)
const load = performance.now() - t0
for (let i = 0; i < 50; i++) all.map(convert)
// Wall time and this process's CPU time: on a machine shared with other work the CPU time is the steadier figure.
const rounds: number[] = []
const cpuRounds: number[] = []
for (let r = 0; r < ROUNDS; r++) {
  const t = performance.now()
  const cpu = process.cpuUsage()
  for (let i = 0; i < PER_ROUND; i++) all.map(convert)
  const used = process.cpuUsage(cpu)
  rounds.push((performance.now() - t) / PER_ROUND)
  cpuRounds.push((used.user + used.system) / 1000 / PER_ROUND)
}
const sorted = (xs: number[]) => xs.sort((a, b) => a - b)
const mid = (xs: number[]) => xs[Math.floor(xs.length / 2)] ?? Number.NaN
sorted(rounds)
sorted(cpuRounds)
const median = mid(rounds)
const whole = performance.now()
const wholeCpu = process.cpuUsage()
for (let i = 0; i < ARTICLES; i++) all.map(convert)
const wholeUsed = process.cpuUsage(wholeCpu)
const wholeS = (performance.now() - whole) / 1000
const wholeCpuS = (wholeUsed.user + wholeUsed.system) / 1e6
const f = (ms: number) => ms.toFixed(3)
process.stdout.write(
  `zh-TW conversion of the seed (${all.length} texts, ${chars} characters; load average ${loadavg()[0]?.toFixed(1)})\n` +
    `  tables indexed once per process: ${load.toFixed(0)} ms\n` +
    `  per article, wall: ${f(median)} ms median (${f(rounds[0] ?? Number.NaN)}–${f(rounds.at(-1) ?? Number.NaN)} over ${ROUNDS} rounds of ${PER_ROUND}); goal < 1 ms\n` +
    `  per article, CPU: ${f(mid(cpuRounds))} ms median (${f(cpuRounds[0] ?? Number.NaN)}–${f(cpuRounds.at(-1) ?? Number.NaN)})\n` +
    `  ${ARTICLES.toLocaleString('en')} such articles one after another: ${wholeS.toFixed(1)} s wall, ${wholeCpuS.toFixed(1)} s CPU, measured; goal ≤ 15 s for 10,000\n`,
)
