import { type DimensionId, findIndicator, newId, problem, type TenantContext } from '@cerdas/core'
import { z } from '@hono/zod-openapi'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { everyRecord } from './every-record'
import { KPI_VALUE_LIMIT, type Kpi, kpi } from './kpi'
import {
  type KpiFrequency,
  PERIOD_EXAMPLES,
  PERIOD_PATTERNS,
  periodAt,
  periodDays,
  periodInstants,
  previousPeriod,
} from './kpi-periods'
import { type KpiValueRow, kpiValues } from './kpi-tables'

/** A value as a team records it for one period of a KPI. */
export const kpiValueInputSchema = z
  .strictObject({
    period: z
      .string()
      .trim()
      .min(4)
      .max(7)
      .openapi({ example: '2025', description: 'YYYY, YYYY-S1, YYYY-Q3 or YYYY-MM, as the KPI is measured' }),
    value: z.number().min(-KPI_VALUE_LIMIT).max(KPI_VALUE_LIMIT).openapi({ example: 72.5 }),
    source: z
      .string()
      .trim()
      .min(1)
      .max(300)
      .optional()
      .openapi({ description: 'Where the value comes from (a report, a survey)' }),
    note: z.string().trim().min(1).max(1000).optional(),
  })
  .openapi('GovernanceKpiValueInput')
export type KpiValueInput = z.infer<typeof kpiValueInputSchema>

// Who recorded a value is the console's to show, not the public API's: a team member's name may
// not be public (see the membership's namePublic).
const revisionSchema = z.object({
  value: z.number(),
  source: z.string().nullable(),
  note: z.string().nullable(),
  recordedAt: z.string(),
})
/** A value as recorded; `recordedBy` only where the console asked for recorders. */
type Revision = z.infer<typeof revisionSchema> & { recordedBy?: string | null }

export const kpiActualSchema = revisionSchema
  .extend({
    period: z.string(),
    computedFrom: z.string().nullable().openapi({ description: 'The indicator it was computed from, if it was' }),
    target: z.number().nullable().openapi({ description: "The target of the period's year, if set" }),
    history: z.array(revisionSchema).openapi({ description: 'Earlier values of this period, newest first' }),
  })
  .openapi('GovernanceKpiActual')
export type KpiActual = Omit<z.infer<typeof kpiActualSchema>, 'history'> & Revision & { history: Revision[] }

const currentSchema = z
  .object({
    period: z.string(),
    value: z.number().nullable().openapi({ description: 'Null when the module has nothing to count yet' }),
    computedFrom: z.string(),
    source: z.string(),
  })
  .nullable()
  .openapi({ description: "A computed KPI's value for the current period, computed when read" })
type KpiCurrent = { period: string; value: number | null; computedFrom: string; source: string }

export const kpiSeriesSchema = kpi.schemas.output
  .extend({
    baseline: z.object({ value: z.number(), year: z.number().int().nullable() }).nullable(),
    actuals: z.array(kpiActualSchema).openapi({ description: 'Recorded values by period, oldest first' }),
    current: currentSchema,
    latest: z
      .object({ period: z.string(), value: z.number(), computed: z.boolean() })
      .nullable()
      .openapi({ description: 'The newest value: recorded, or computed for the current period when not recorded' }),
  })
  .openapi('GovernanceKpiSeries')
/** A KPI with its baseline, values by period, computed current value and latest value. */
export type KpiSeries = Kpi & {
  baseline: { value: number; year: number | null } | null
  actuals: KpiActual[]
  current: KpiCurrent | null
  latest: { period: string; value: number; computed: boolean } | null
}

const revisionOf = (row: KpiValueRow, recorders: boolean): Revision => ({
  value: row.value,
  source: row.source,
  note: row.note,
  recordedAt: row.recordedAt,
  ...(recorders ? { recordedBy: row.recordedBy } : {}),
})

const targetFor = (k: Kpi, period: string) =>
  k.targets.find((t) => t.year === Number(period.slice(0, 4)))?.value ?? null

/** Each period's current value with its earlier ones, oldest period first. */
function actualsOf(k: Kpi, rows: readonly KpiValueRow[], recorders: boolean): KpiActual[] {
  const byPeriod = new Map<string, KpiValueRow[]>()
  for (const row of rows) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row])
  return [...byPeriod.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .flatMap(([period, list]) => {
      const current = list.find((r) => r.replacedAt === null)
      if (!current) return []
      const earlier = list
        .filter((r) => r !== current)
        .sort((a, b) => b.recordedAt.localeCompare(a.recordedAt) || b.id.localeCompare(a.id))
      return [
        {
          ...revisionOf(current, recorders),
          period,
          computedFrom: current.computedFrom,
          target: targetFor(k, period),
          history: earlier.map((r) => revisionOf(r, recorders)),
        },
      ]
    })
}

/** Where a computed value says it comes from, in the tenant's first language. */
const computedSource = (moduleTitle: { id: string }) => `dihitung otomatis dari ${moduleTitle.id}`

/** The current period's value of a computed KPI, computed now; null for a KPI not computed. */
async function currentOf(ctx: TenantContext, k: Kpi): Promise<KpiSeries['current']> {
  if (!k.computedFrom) return null
  const indicator = findIndicator(ctx, k.computedFrom)
  if (!indicator) return null
  const period = periodAt(k.frequency as KpiFrequency, ctx.now(), ctx.tenant.timezone)
  const value = await indicator.indicator.compute(ctx, periodInstants(period, ctx.tenant.timezone))
  return { period, value, computedFrom: indicator.key, source: computedSource(indicator.moduleTitle) }
}

async function seriesOf(
  ctx: TenantContext,
  k: Kpi,
  rows: readonly KpiValueRow[],
  recorders = false,
): Promise<KpiSeries> {
  const actuals = actualsOf(k, rows, recorders)
  const current = await currentOf(ctx, k)
  const newest = actuals.at(-1)
  const latest =
    current && current.value !== null && (!newest || newest.period < current.period)
      ? { period: current.period, value: current.value, computed: true }
      : newest
        ? { period: newest.period, value: newest.value, computed: false }
        : null
  return {
    ...k,
    baseline: k.baselineValue === null ? null : { value: k.baselineValue, year: k.baselineYear },
    actuals,
    current,
    latest,
  }
}

async function valueRowsOf(ctx: TenantContext, ids: readonly string[]): Promise<KpiValueRow[]> {
  const rows: KpiValueRow[] = []
  for (let i = 0; i < ids.length; i += 500)
    rows.push(
      ...(await ctx.db
        .select()
        .from(kpiValues)
        .where(inArray(kpiValues.kpiId, ids.slice(i, i + 500)))
        .orderBy(asc(kpiValues.period))),
    )
  return rows
}

/** Every KPI the public sees, of one dimension if given. */
function allKpis(ctx: TenantContext, dimension?: DimensionId): Promise<Kpi[]> {
  return everyRecord(
    async (cursor) =>
      (await kpi.list(ctx, { limit: 100, cursor, ...(dimension ? { dimension } : {}) })) as {
        items: Kpi[]
        nextCursor: string | null
      },
  )
}

/**
 * One KPI (by id) with its targets, baseline and values per period; with `recorders` (the console
 * only) each value says who recorded it.
 */
export async function kpiSeriesOne(
  ctx: TenantContext,
  key: string,
  options: { recorders?: boolean } = {},
): Promise<KpiSeries> {
  const k = (await kpi.get(ctx, key)) as Kpi
  return seriesOf(ctx, k, await valueRowsOf(ctx, [k.id]), options.recorders === true)
}

/**
 * Every KPI (of one dimension, if given) with unit, direction, baseline, targets by year, values
 * by period with their history, the computed current value and the latest: what the pages chart.
 */
export async function kpiSeries(ctx: TenantContext, options: { dimension?: DimensionId } = {}): Promise<KpiSeries[]> {
  const all = await allKpis(ctx, options.dimension)
  const rows = await valueRowsOf(
    ctx,
    all.map((k) => k.id),
  )
  return Promise.all(
    all.map((k) =>
      seriesOf(
        ctx,
        k,
        rows.filter((r) => r.kpiId === k.id),
      ),
    ),
  )
}

/** The KPI a team writes values of: found, and of a dimension the caller's grants hold it for. */
async function writableKpi(ctx: TenantContext, key: string): Promise<Kpi> {
  const k = (await kpi.getForEditing(ctx, key)) as Kpi
  if (!kpi.permits(ctx, 'update', k as unknown as Record<string, unknown>))
    throw problem(
      'forbidden',
      `Your roles do not include permission ${kpi.permission('update')} for KPIs of dimension ${k.dimension}: a team records the values of its own dimension's KPIs.`,
    )
  return k
}

function checkPeriod(ctx: TenantContext, k: Kpi, period: string): void {
  const frequency = k.frequency as KpiFrequency
  const message = !PERIOD_PATTERNS[frequency].test(period)
    ? `must be a ${frequency} period such as ${PERIOD_EXAMPLES[frequency]}`
    : periodDays(period).first > periodAt('monthly', ctx.now(), ctx.tenant.timezone).concat('-01')
      ? 'has not begun yet'
      : null
  if (message) throw problem('validation', `period ${message}`, { errors: [{ pointer: '/period', message }] })
}

/**
 * Records a KPI's value for a period in one transaction with its audit entry: a new period is
 * added (`created`), another value for a recorded period replaces it and keeps the earlier one
 * in the history; the same value again changes nothing.
 */
export async function recordKpiValue(
  ctx: TenantContext,
  key: string,
  input: KpiValueInput & { computedFrom?: string | null },
): Promise<{ actual: KpiActual; created: boolean }> {
  const k = await writableKpi(ctx, key)
  checkPeriod(ctx, k, input.period)
  const created = await ctx.transaction(async (tx) => {
    const [current] = await tx.db
      .select()
      .from(kpiValues)
      .where(and(eq(kpiValues.kpiId, k.id), eq(kpiValues.period, input.period), isNull(kpiValues.replacedAt)))
    const next = {
      value: input.value,
      source: input.source ?? null,
      note: input.note ?? null,
      computedFrom: input.computedFrom ?? null,
    }
    if (
      current &&
      current.value === next.value &&
      current.source === next.source &&
      current.note === next.note &&
      current.computedFrom === next.computedFrom
    )
      return false
    const now = tx.now().toISOString()
    if (current) await tx.db.update(kpiValues).set({ replacedAt: now }).where(eq(kpiValues.id, current.id))
    await tx.db.insert(kpiValues).values({
      id: newId('kpv'),
      kpiId: k.id,
      period: input.period,
      ...next,
      recordedAt: now,
      recordedBy: tx.actor?.name ?? tx.actor?.id ?? null,
      replacedAt: null,
    })
    await tx.audit({
      action: 'record_value',
      entity: kpi.qualifiedName,
      entityId: k.id,
      // The KPI's dimension rides along so its team reads the entry in the audit trail (ADR 0117).
      before: current
        ? {
            dimension: k.dimension,
            period: input.period,
            ...revisionOf(current, true),
            computedFrom: current.computedFrom,
          }
        : null,
      after: { dimension: k.dimension, period: input.period, ...next },
    })
    return !current
  })
  const rows = await valueRowsOf(ctx, [k.id])
  const actual = actualsOf(k, rows, false).find((a) => a.period === input.period) as KpiActual
  return { actual, created }
}

/**
 * Records what a computed KPI's indicator gives for a period, with "dihitung otomatis dari
 * <module>" as its source; nothing when the indicator has nothing to count. The daily job keeps
 * each finished period's figure this way.
 */
export async function recordComputedKpiValue(
  ctx: TenantContext,
  k: Kpi,
  period: string,
): Promise<{ actual: KpiActual; created: boolean } | null> {
  const indicator = k.computedFrom ? findIndicator(ctx, k.computedFrom) : undefined
  if (!indicator) return null
  const value = await indicator.indicator.compute(ctx, periodInstants(period, ctx.tenant.timezone))
  if (value === null) return null
  return recordKpiValue(ctx, k.id, {
    period,
    value,
    source: computedSource(indicator.moduleTitle),
    computedFrom: indicator.key,
  })
}

/**
 * For every computed KPI, records the value of its last finished period unless one is recorded:
 * run daily, so a figure is kept soon after its period ends (the modules keep no history of
 * their own, so a value computed long after would describe a later state).
 */
export async function recordFinishedComputedPeriods(ctx: TenantContext): Promise<{ changed: number }> {
  let changed = 0
  for (const k of await allKpis(ctx)) {
    if (!k.computedFrom) continue
    const period = previousPeriod(
      k.frequency as KpiFrequency,
      periodAt(k.frequency as KpiFrequency, ctx.now(), ctx.tenant.timezone),
    )
    const [recorded] = await ctx.db
      .select({ id: kpiValues.id })
      .from(kpiValues)
      .where(and(eq(kpiValues.kpiId, k.id), eq(kpiValues.period, period)))
      .limit(1)
    if (recorded) continue
    if ((await recordComputedKpiValue(ctx, k, period))?.created) changed++
  }
  return { changed }
}
