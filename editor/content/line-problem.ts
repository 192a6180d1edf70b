/** A problem inside one file, before the file's path is attached (see Problem in draft.ts). */

/** 1-based line and "what is wrong; how to fix it". */
export interface LineProblem {
  line: number
  message: string
}
