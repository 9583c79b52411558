import type { DimensionId } from '@cerdas/core'
import type { KpiPoint } from '@cerdas/ui'
import type { DimensionOffer } from './smart-city-offer.server'

// What the smart-city page renders, in the page's language: the loader makes it, the page only
// shows it (no module code reaches the browser bundle).

export interface RegulationView {
  id: string
  title: string
  kind: string
  number: string | null
  validFrom: string
  validUntil: string | null
  /** One sentence: ends in N months, ended, no end date. */
  validity: string
  expired: boolean
  url: string | null
  /** The uploaded PDF (the signed scan), if any. */
  pdf: { url: string; size: string } | null
  verified: boolean
}

export interface PersonView {
  role: string
  position: string
  institution: string | null
  /** Only where the tenant marked the name public. */
  name: string | null
  /** Whether the record was checked against its source; team memberships are the console's own (always). */
  verified: boolean
}

export interface ProgrammeView {
  id: string
  name: string
  kind: string
  status: string
  statusKey: string
  period: string | null
  progress: { percent: number; done: number; total: number } | null
  verified: boolean
}

export interface KpiView {
  id: string
  title: string
  unit: string
  direction: 'higher' | 'lower'
  baseline: KpiPoint | null
  actuals: KpiPoint[]
  targets: KpiPoint[]
}

export interface AgendaView {
  id: string
  title: string
  when: string
  at: string
  place: string | null
  verified: boolean
}

export interface DimensionView extends DimensionOffer {
  programmes: ProgrammeView[]
  kpis: KpiView[]
  team: PersonView[]
}

export type { DimensionId }
