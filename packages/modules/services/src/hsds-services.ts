import type { Locale, LocalizedText } from '@cerdas/core'
import { listSchedulesForOwner } from '@cerdas/module-schedules'
import { unitExtension, verificationOf } from './hsds-extensions'
import { hsdsId } from './hsds-ids'
import type { HsdsLoader } from './hsds-loader'
import { hsdsOrganization } from './hsds-organizations'
import { hsdsSchedules } from './hsds-schedules'
import { hsdsServiceAtLocation, placesOf } from './hsds-service-at-locations'
import type { HsdsService } from './hsds-service-schemas'
import { listWords, pick, pickOrNull, rupiah, t } from './hsds-wording'
import { type Audience, CATEGORY_LABELS, PROCESSING_UNIT_LABELS } from './labels'
import type { Service } from './service'
import { serviceOwner, serviceUrl } from './services'

/**
 * Services become HSDS services with their responsible organization, the places they are offered,
 * required documents, cost option, contacts, category and schedules.
 */

const AUDIENCE_LABELS: Record<Audience, LocalizedText> = {
  residents: { id: 'penduduk', en: 'residents' },
  businesses: { id: 'pelaku usaha', en: 'businesses' },
  visitors: { id: 'wisatawan', en: 'visitors' },
  civil_servants: { id: 'aparatur sipil negara', en: 'civil servants' },
  institutions: { id: 'lembaga', en: 'institutions' },
}

function feeText(fee: Service['fee'], locale: Locale): string {
  const note = pickOrNull(fee.note, locale)
  if (fee.free) return note ?? t(locale, 'Gratis', 'Free of charge')
  const amount = rupiah(fee.amount ?? 0, locale)
  return note ? `${amount}. ${note}` : amount
}

/** A service as a fully nested HSDS service. */
export async function hsdsService(service: Service, loader: HsdsLoader): Promise<HsdsService> {
  const { locale, ctx } = loader
  const id = hsdsId('service', service.id)
  const responsible = await loader.office(service.officeId)
  const unit = service.unitId ? (responsible?.units.find((u) => u.id === service.unitId) ?? null) : null
  const places = await placesOf(service, loader)
  const own = await listSchedulesForOwner(ctx, serviceOwner(service))
  const existing = await loader.existingServiceIds()
  const options = { locale, now: loader.now }

  const additionalUrls: HsdsService['additional_urls'] = []
  if (service.onlineUrl)
    additionalUrls.push({
      id: hsdsId('url', service.id, 'online'),
      label: t(locale, 'Layanan daring', 'Online service'),
      url: service.onlineUrl,
      service_id: id,
    })
  if (service.complaint?.url)
    additionalUrls.push({
      id: hsdsId('url', service.id, 'complaint'),
      label: t(locale, 'Pengaduan', 'Complaints'),
      url: service.complaint.url,
      service_id: id,
    })

  const contacts: HsdsService['contacts'] = []
  if (service.complaint) {
    const contactId = hsdsId('contact', service.id, 'complaint')
    const complaint = service.complaint
    contacts.push({
      id: contactId,
      service_id: id,
      name: t(locale, 'Pengaduan layanan', 'Service complaints'),
      ...(complaint.email ? { email: complaint.email } : {}),
      phones: complaint.phone
        ? [
            {
              id: hsdsId('phone', service.id, 'complaint'),
              contact_id: contactId,
              number: complaint.phone,
              type: 'voice',
            },
          ]
        : [],
      x_cerdas_role: 'complaints',
      x_cerdas_description: pick(complaint.description, locale),
      x_cerdas_url: complaint.url ?? null,
    })
  }
  if (unit && (unit.contacts.phone || unit.contacts.email)) {
    const contactId = hsdsId('contact', service.id, 'unit')
    contacts.push({
      id: contactId,
      service_id: id,
      name: pick(unit.name, locale),
      department: pick(unit.name, locale),
      ...(unit.contacts.email ? { email: unit.contacts.email } : {}),
      phones: unit.contacts.phone
        ? [
            {
              id: hsdsId('phone', service.id, 'unit'),
              contact_id: contactId,
              number: unit.contacts.phone,
              type: 'voice',
            },
          ]
        : [],
      x_cerdas_role: 'responsible_unit',
      x_cerdas_description: pickOrNull(unit.handles, locale),
      x_cerdas_url: null,
    })
  }

  const categoryLabel = pick(CATEGORY_LABELS[service.category], locale)
  const termId = hsdsId('taxonomy_term', 'service-category', service.category)
  const processing = service.processingTime

  return {
    id,
    organization_id: hsdsId('organization', service.officeId),
    name: pick(service.name, locale),
    ...(service.summary ? { description: pick(service.summary, locale) } : {}),
    url: `${loader.origin}${serviceUrl(service)}`,
    additional_urls: additionalUrls,
    status: 'active',
    ...(service.procedure.length > 0
      ? { application_process: service.procedure.map((step, i) => `${i + 1}. ${pick(step, locale)}`).join('\n') }
      : {}),
    fees_description: feeText(service.fee, locale),
    ...(service.audience.length > 0
      ? {
          eligibility_description: `${t(locale, 'Untuk', 'For')} ${listWords(
            service.audience.map((a) => pick(AUDIENCE_LABELS[a], locale)),
            locale,
          )}.`,
        }
      : {}),
    ...(service.verification.verifiedAt ? { assured_date: service.verification.verifiedAt.slice(0, 10) } : {}),
    last_modified: service.updatedAt,
    ...(responsible ? { organization: hsdsOrganization(responsible, loader) } : {}),
    service_at_locations: places.map((place) => hsdsServiceAtLocation(service, place, loader)),
    schedules: own.flatMap((s) => hsdsSchedules(s, { service_id: id }, options)),
    required_documents: service.requirements.map((r, i) => {
      const document = pick(r.document, locale)
      const condition = pickOrNull(r.condition, locale)
      const note = pickOrNull(r.note, locale)
      return {
        id: hsdsId('required_document', service.id, String(i)),
        service_id: id,
        document: `${document}${condition ? ` (${condition})` : ''}${note ? `. ${note}` : ''}`,
        x_cerdas_document: document,
        x_cerdas_condition: condition,
        x_cerdas_note: note,
      }
    }),
    cost_options: [
      {
        id: hsdsId('cost_option', service.id),
        service_id: id,
        currency: 'IDR',
        amount: service.fee.free ? 0 : (service.fee.amount ?? 0),
        amount_description: feeText(service.fee, locale),
        x_cerdas_legal_basis: service.fee.legalBasis,
      },
    ],
    contacts,
    attributes: [
      {
        id: hsdsId('attribute', service.id, 'category'),
        link_id: id,
        link_type: 'service_category',
        link_entity: 'service',
        taxonomy_term_id: termId,
        label: categoryLabel,
        taxonomy_term: {
          id: termId,
          code: service.category,
          name: categoryLabel,
          description: t(
            locale,
            `Kategori layanan publik Cerdas: ${categoryLabel}`,
            `Cerdas public service category: ${categoryLabel}`,
          ),
          taxonomy: 'Cerdas service categories',
          taxonomy_id: hsdsId('taxonomy', 'service-category'),
          language: locale,
        },
      },
    ],
    x_cerdas_id: service.id,
    x_cerdas_slug: service.slug,
    x_cerdas_category: service.category,
    x_cerdas_audience: service.audience,
    x_cerdas_synonyms: service.synonyms,
    x_cerdas_processing_time: processing
      ? {
          value: processing.value,
          unit: processing.unit,
          text: `${processing.value} ${pick(PROCESSING_UNIT_LABELS[processing.unit] ?? { id: processing.unit }, locale)}`,
          note: pickOrNull(processing.note, locale),
        }
      : null,
    x_cerdas_responsible_unit: unit ? unitExtension(unit, locale) : null,
    x_cerdas_legal_basis: service.legalBasis,
    x_cerdas_fee: {
      free: service.fee.free,
      amount: service.fee.free ? null : service.fee.amount,
      currency: 'IDR',
      note: pickOrNull(service.fee.note, locale),
      legal_basis: service.fee.legalBasis,
    },
    x_cerdas_product: pickOrNull(service.product, locale),
    x_cerdas_complaint: service.complaint
      ? {
          description: pick(service.complaint.description, locale),
          phone: service.complaint.phone ?? null,
          email: service.complaint.email ?? null,
          url: service.complaint.url ?? null,
        }
      : null,
    x_cerdas_related_service_ids: service.related.filter((r) => existing.has(r)).map((r) => hsdsId('service', r)),
    x_cerdas_verification: verificationOf(service.verification),
    x_cerdas_texts: { name: service.name, description: service.summary },
  }
}
