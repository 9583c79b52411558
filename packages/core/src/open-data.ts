import type { DimensionId } from './dimensions'
import type { LocalizedText } from './localized-text'
import type { TenantContext } from './tenant'

/**
 * How often a dataset changes, as DCAT's `dcterms:accrualPeriodicity` takes it from the EU
 * frequency vocabulary: `continuous` for data residents write at any hour (reports), `irregular`
 * for records the team edits when something changes (the default).
 */
export const DATASET_FREQUENCIES = [
  'continuous',
  'daily',
  'weekly',
  'monthly',
  'quarterly',
  'semiannual',
  'annual',
  'irregular',
] as const
export type DatasetFrequency = (typeof DATASET_FREQUENCIES)[number]

const FREQUENCY_CODES: Record<DatasetFrequency, string> = {
  continuous: 'CONT',
  daily: 'DAILY',
  weekly: 'WEEKLY',
  monthly: 'MONTHLY',
  quarterly: 'QUARTERLY',
  semiannual: 'ANNUAL_2',
  annual: 'ANNUAL',
  irregular: 'IRREG',
}

/** The EU frequency vocabulary's concept for a frequency. */
export const frequencyUri = (frequency: DatasetFrequency) =>
  `http://publications.europa.eu/resource/authority/frequency/${FREQUENCY_CODES[frequency]}`

/** The EU data themes (DCAT-AP's `dcat:theme` vocabulary) a regency's data falls under. */
export const EU_DATA_THEMES = [
  'AGRI',
  'ECON',
  'EDUC',
  'ENER',
  'ENVI',
  'GOVE',
  'HEAL',
  'JUST',
  'REGI',
  'SOCI',
  'TECH',
  'TRAN',
] as const
export type EuDataTheme = (typeof EU_DATA_THEMES)[number]

export const euThemeUri = (theme: EuDataTheme) => `http://publications.europa.eu/resource/authority/data-theme/${theme}`

/**
 * The EU theme of a dimension's data unless the module names its own (transport is TRAN, though
 * Smart Living also holds health): branding is tourism and trade, society is participation.
 */
export const DIMENSION_EU_THEMES: Record<DimensionId, EuDataTheme> = {
  governance: 'GOVE',
  branding: 'ECON',
  economy: 'ECON',
  living: 'SOCI',
  society: 'SOCI',
  environment: 'ENVI',
}

/**
 * Another form of a dataset served by a module's own route (HSDS, iCalendar, Open311): where it
 * is and what it is. The catalogue lists it beside the CSV and JSON the platform makes.
 */
export interface DatasetLink {
  /** Path on the tenant's host, query included if needed: `/api/v1/holidays/ical`. */
  path: string
  /** The media type the route answers with (IANA), without parameters: `text/calendar`. */
  mediaType: string
  /** The format's name: `iCalendar`, `HSDS`, `Open311 GeoReport v2`. */
  format: string
  title?: LocalizedText
  /** The standard it follows (a URL), printed as `dcterms:conformsTo`. */
  conformsTo?: string
  /** A whole file (`dcat:downloadURL`) or a paged API to browse (`dcat:accessURL` only). */
  download: boolean
}

/** A page of a dataset's rows, as a module's table reader gives them. */
export interface DatasetRows {
  items: Record<string, unknown>[]
  nextCursor: string | null
}

/**
 * Standard metadata of an indicator ("metadata baku", Satu Data Indonesia, Perpres 39/2019): what
 * it measures, how, in what unit, how often and who produces it.
 */
export interface IndicatorMetadata {
  /** The indicator's key, e.g. `governance.kpi_...` or `reports.resolved-on-time`. */
  id: string
  name: LocalizedText
  /** Konsep dan definisi. */
  definition: LocalizedText
  /** Satuan, e.g. `%`. */
  unit: string
  /** Metode perhitungan or rumus. */
  method: LocalizedText
  /** Periode: how often a value is made. */
  frequency: DatasetFrequency
  /** Produsen data: the office that makes the values. */
  producer?: LocalizedText | undefined
  /** The span the values cover (`2025-01/2025-12`), when known. */
  period?: string | undefined
}

/** A dataset a module publishes that is not one of its entities (reports through Open311, KPI series). */
export interface ModuleDataset {
  /** Lowercase id within the module; the dataset is `<module>-<id>`. */
  id: string
  title: LocalizedText
  description: LocalizedText
  frequency?: DatasetFrequency
  keywords?: string[]
  /** The audit log's entity names whose writes change it (`reports.report`): its `modified`. */
  auditEntities: string[]
  /** Its forms served by the module's routes. */
  links?: DatasetLink[]
  /**
   * Its rows for the CSV and JSON the platform serves, one page at a time (only what the public
   * API shows), with the CSV's columns in their order; without it there is no CSV or JSON.
   */
  table?: {
    columns: string[]
    rows: (ctx: TenantContext, cursor: string | null) => Promise<DatasetRows>
  }
  /** Indicator metadata of what the rows measure (the KPI series). */
  indicators?: (ctx: TenantContext) => Promise<IndicatorMetadata[]>
}

/** What a module says of its entities' datasets beyond their declarations. */
export interface EntityDatasetOptions {
  /** Left out of open data altogether. */
  exclude?: boolean
  description?: LocalizedText
  frequency?: DatasetFrequency
  keywords?: string[]
  /** Forms of the same records the module serves itself (services as HSDS, holidays as iCalendar). */
  links?: DatasetLink[]
}

/**
 * A module's open data: every public entity is a dataset without a word here; this adds the office
 * that publishes it, its theme and frequency, other forms of its records and datasets of its own.
 */
export interface ModuleOpenData {
  /**
   * The office that publishes the module's data (its `dcterms:publisher` beside the regency). A
   * module setting `publisherOffice` (text), where the module has one, overrides it per tenant.
   */
  publisherOffice?: LocalizedText
  /** The EU data theme, when not the dimension's ({@link DIMENSION_EU_THEMES}). */
  theme?: EuDataTheme
  /** Default frequency of the module's datasets (default `irregular`). */
  frequency?: DatasetFrequency
  keywords?: string[]
  /** By entity name. */
  entities?: Record<string, EntityDatasetOptions>
  datasets?: ModuleDataset[]
}
