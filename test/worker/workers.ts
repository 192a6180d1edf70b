/**
 * The Workers the worker tests run, in one workerd (vitest.config.ts `main`): the feed Worker as the default export
 * (`exports.default`), and the discovery Worker as the entrypoint its DISCOVERY service binding reaches, so a request
 * for a sitemap goes through the feed Worker and a real binding to the discovery Worker, as deployed.
 */

export { default as discovery } from '../../discovery/index.ts'
export { default } from '../../worker/index.ts'
