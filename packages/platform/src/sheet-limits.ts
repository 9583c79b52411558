import { isProblemError, type ProblemError, problem } from '@cerdas/core'

/**
 * What an uploaded sheet may hold. An .xlsx is a zip: a small upload can unpack to
 * hundreds of megabytes, so the zip directory is checked before anything is unpacked,
 * and the reader stops as soon as what it unpacks or reads goes past these.
 */
export const SHEET_LIMITS = {
  /** Files inside an .xlsx (a workbook from a spreadsheet program has about a dozen). */
  maxEntries: 1000,
  /** Unpacked size of an .xlsx, all files together (a full 5,000-row export is about 13 MB). */
  maxUncompressedBytes: 32 * 1024 * 1024,
  /** Data rows, the header not counted. */
  maxRows: 5000,
  /** Columns (the widest entity, services, has 32). */
  maxColumns: 200,
  /** Characters in one cell: the most a spreadsheet program keeps in a cell. */
  maxCellChars: 32_767,
  /**
   * Characters of all cells together. One shared string can fill every cell, so a sheet well
   * under the unpacked size can read as gigabytes of text; a full export holds a few megabytes.
   */
  maxTextChars: 16 * 1024 * 1024,
} as const

export type SheetLimits = { readonly [K in keyof typeof SHEET_LIMITS]: number }
export type SheetLimit = 'entries' | 'uncompressed' | 'rows' | 'columns' | 'cellLength' | 'text'

const DETAILS: Record<SheetLimit, (max: number) => string> = {
  entries: (max) => `The .xlsx file holds more than ${max} files.`,
  uncompressed: (max) => `The .xlsx file unpacks to more than ${max / 1024 / 1024} MB.`,
  rows: (max) => `The sheet has more than ${max} rows.`,
  columns: (max) => `The sheet has more than ${max} columns.`,
  cellLength: (max) => `A cell holds more than ${max} characters.`,
  text: (max) => `The sheet holds more than ${max / 1024 / 1024} MB of text.`,
}

/** A sheet past one of its limits: a 413 problem naming the limit (`limit`) and its value (`max`). */
export function sheetLimitError(limit: SheetLimit, max: number): ProblemError {
  return problem('payloadTooLarge', DETAILS[limit](max), { limit, max })
}

/** The limit a sheet went past, when the error is one of {@link sheetLimitError}'s. */
export function sheetLimitOf(error: unknown): { limit: SheetLimit; max: number } | undefined {
  if (!isProblemError(error) || error.problem.status !== 413) return undefined
  const { limit, max } = error.problem
  return typeof limit === 'string' && limit in DETAILS && typeof max === 'number'
    ? { limit: limit as SheetLimit, max }
    : undefined
}
