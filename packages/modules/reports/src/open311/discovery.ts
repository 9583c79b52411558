import type { TenantContext } from '@cerdas/core'

/** When this endpoint's behaviour last changed (GeoReport's `changeset`). */
export const OPEN311_CHANGESET = '2026-12-07T00:00:00Z'

/** `GET discovery`: where the endpoint is, which formats it speaks and how to get a key. */
export function discovery(ctx: TenantContext, origin: string) {
  const en = ctx.locale === 'en'
  return {
    changeset: OPEN311_CHANGESET,
    contact: en
      ? `${ctx.tenant.name}: ${origin}/lapor (report form and privacy notice at ${origin}/lapor/privasi)`
      : `${ctx.tenant.name}: ${origin}/lapor (formulir laporan; pemberitahuan privasi di ${origin}/lapor/privasi)`,
    key_service: en
      ? "API keys are API tokens issued by the regency's administrators in the console (Token API)."
      : 'Kunci API adalah token API yang diterbitkan admin kabupaten/kota di konsol (Token API).',
    endpoints: [
      {
        specification: 'http://wiki.open311.org/GeoReport_v2',
        url: `${origin}/open311/v2`,
        changeset: OPEN311_CHANGESET,
        type: 'production',
        formats: ['text/xml', 'application/json'],
      },
    ],
  }
}
