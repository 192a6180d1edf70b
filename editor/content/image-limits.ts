/** The largest originals content:check accepts (docs/editors.md "Photos"): camera files fit, anything beyond is an error. */

/** 64 MiB: a 100-megapixel camera JPEG at high quality is 40-60 MB. */
export const MAX_IMAGE_BYTES = 64 * 1024 * 1024

/** 120 megapixels: every camera sold today fits (the largest medium-format sensors are 102 MP); libvips refuses more. */
export const MAX_IMAGE_PIXELS = 120_000_000
