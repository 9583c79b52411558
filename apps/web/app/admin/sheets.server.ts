import { createHmac } from 'node:crypto'
import type { Locale } from '@cerdas/core'
import { pickText } from '@cerdas/core/web'
import { safeEqual } from '@cerdas/identity'
import {
  type ConsoleEntity,
  type ImportPlan,
  type RowError,
  SHEET_LIMITS,
  type SheetLimit,
  type Table,
} from '@cerdas/platform'
import { can, requireAction } from './entity.server'
import type { Console } from './guard.server'
import type { AdminMessageKey } from './messages'

/** Largest upload accepted (the multipart body may carry a little more). */
export const MAX_UPLOAD_BYTES = 2 * 1024 * 1024
/** Largest sheet, as CSV text, a preview carries to its confirm form (an .xlsx unpacks larger than it uploads). */
export const MAX_SHEET_CSV_BYTES = 4 * 1024 * 1024
export const MAX_ROWS = SHEET_LIMITS.maxRows
const FORM_OVERHEAD = 64 * 1024

/** Whether the person may change records of the entity through a sheet: create or update. */
export function maySheet(console: Console, ce: ConsoleEntity): boolean {
  return can(console, ce, 'create') || can(console, ce, 'update')
}

/** Why a sheet past one of its limits was refused, in the page's language. */
export function sheetLimitText(
  { limit, max }: { limit: SheetLimit; max: number },
  t: (key: AdminMessageKey, vars?: Record<string, string | number>) => string,
): string {
  switch (limit) {
    case 'entries':
      return t('xlsxTooManyFiles', { max })
    case 'uncompressed':
      return t('xlsxTooLargeUnpacked', { mb: max / 1024 / 1024 })
    case 'rows':
      return t('tooManyRows', { max })
    case 'columns':
      return t('tooManyColumns', { max })
    case 'cellLength':
      return t('cellTooLong', { max })
    case 'text':
      return t('sheetTooMuchText', { mb: max / 1024 / 1024 })
  }
}

export function requireSheet(console: Console, ce: ConsoleEntity): void {
  if (!maySheet(console, ce)) requireAction(console, ce, 'create')
}

/** Refuses bodies over the limit before reading them (browsers always send a length for forms). */
export function bodyTooLarge(request: Request, limit: number): boolean {
  const length = Number(request.headers.get('content-length') ?? Number.NaN)
  return !Number.isFinite(length) || length > limit + FORM_OVERHEAD
}

export const confirmLimit = Math.ceil((MAX_SHEET_CSV_BYTES * 4) / 3)

/**
 * The sheet a preview shows travels to the confirm form as base64url CSV,
 * signed with the session's form token: no server memory (app nodes are
 * stateless), and no other session or page can plant a sheet.
 */
export function signSheet(console: Console, ce: ConsoleEntity, payload: string): string {
  return createHmac('sha256', console.session.csrfToken).update(`sheet:${ce.name}\n${payload}`).digest('base64url')
}

export function sheetSignatureValid(console: Console, ce: ConsoleEntity, payload: string, signature: string): boolean {
  return safeEqual(signature, signSheet(console, ce, payload))
}

/** Rows the person may not write (a create without the create permission, an update without update). */
export function permissionErrors(console: Console, ce: ConsoleEntity, plan: ImportPlan): ImportPlan {
  const mayCreate = can(console, ce, 'create')
  const mayUpdate = can(console, ce, 'update')
  const rows = plan.rows.map((row) => {
    if (row.action === 'create' && !mayCreate)
      return { ...row, errors: [...row.errors, { field: 'row', message: 'records cannot be created here' }] }
    if (row.action === 'update' && !mayUpdate)
      return { ...row, errors: [...row.errors, { field: 'row', message: 'records cannot be updated here' }] }
    return row
  })
  return { ...plan, rows, invalidRows: rows.filter((r) => r.errors.length > 0).length }
}

/** Import messages in Indonesian; English keeps the platform's (and zod's) own words. */
const INDONESIAN: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^not a number$/, () => 'bukan angka'],
  [/^use ya\/tidak/, () => 'isi ya atau tidak (true/false)'],
  [/^not a date and time/, () => 'bukan tanggal dan jam (mis. 2026-12-01 08:00)'],
  [/^must be one of (.*)$/, (m) => `harus salah satu dari ${m[1]}`],
  [/^no record (.*)$/, (m) => `tidak ada data dengan id ${m[1]}`],
  [/^records cannot be updated here$/, () => 'data ini tidak boleh diubah di sini'],
  [/^records cannot be created here$/, () => 'data baru tidak boleh ditambahkan di sini'],
  [/^Too small: expected string to have >=(\d+) characters?$/, (m) => `minimal ${m[1]} karakter`],
  [/^Too big: expected string to have <=(\d+) characters?$/, (m) => `maksimal ${m[1]} karakter`],
  [/^Invalid input: expected \w+, received undefined$/, () => 'wajib diisi'],
  [/^Invalid input/, () => 'isian tidak valid'],
  [/^Invalid (URL|url)$/, () => 'alamat web tidak valid (mis. https://contoh.go.id/)'],
  [/^Invalid option/, () => 'pilihan tidak valid'],
  [/^Invalid ISO datetime$/, () => 'tanggal dan jam tidak valid'],
]

export function rowErrorText(error: RowError, locale: Locale): string {
  if (locale === 'en') return error.message
  for (const [pattern, words] of INDONESIAN) {
    const m = pattern.exec(error.message)
    if (m) return words(m)
  }
  return error.message
}

/** Rows the preview table shows: enough to see what a sheet does, the page stays small however long it is. */
export const PREVIEW_MAX_ROWS = 100
/** Problems the preview shows for one row (a list cell can hold thousands of bad items). */
export const PREVIEW_MAX_ERRORS = 10
/** Characters of a cell or message the preview shows: a cell may hold 32,767. */
export const PREVIEW_MAX_CHARS = 200

/** Text cut to `max` characters, with `…` when cut (never half of a surrogate pair). */
export function shorten(text: string, max = PREVIEW_MAX_CHARS): string {
  if (text.length <= max) return text
  return `${text.slice(0, max - 1).replace(/[\ud800-\udbff]$/, '')}…`
}

export interface PreviewRow {
  line: number
  action: 'create' | 'update' | 'unchanged'
  id: string | null
  label: string
  errors: { field: string; label: string; message: string }[]
}

/**
 * A plan as the preview table shows it: field labels and messages in the page's language, at most
 * {@link PREVIEW_MAX_ROWS} rows (those with problems first, then in line order) and every text shortened.
 */
export function previewRows(ce: ConsoleEntity, plan: ImportPlan, table: Table, locale: Locale): PreviewRow[] {
  const header = table[0] ?? []
  const firstField = ce.entity.fields.find((f) => f.required) ?? ce.entity.fields[0]
  const labelColumn = firstField ? header.indexOf(firstField.name) : -1
  const fieldLabel = (name: string) => {
    const field = ce.entity.fields.find((f) => f.name === name)
    if (field) return `${pickText(field.label, locale)} (${name})`
    return name === 'row' ? (locale === 'en' ? 'row' : 'baris') : name
  }
  const invalid = plan.rows.filter((row) => row.errors.length > 0)
  const shown = [...invalid, ...plan.rows.filter((row) => row.errors.length === 0)]
    .slice(0, PREVIEW_MAX_ROWS)
    .sort((a, b) => a.line - b.line)
  return shown.map((row) => ({
    line: row.line,
    action: row.action,
    id: row.id === null ? null : shorten(row.id),
    label: labelColumn >= 0 ? shorten(table[row.line - 1]?.[labelColumn] ?? '') : '',
    errors: row.errors.slice(0, PREVIEW_MAX_ERRORS).map((e) => ({
      field: shorten(e.field),
      label: shorten(fieldLabel(e.field)),
      message: shorten(rowErrorText(e, locale)),
    })),
  }))
}
