import { DIMENSIONS, euThemeUri, frequencyUri, type LocalizedText } from '@cerdas/core'
import { CATALOGUE_PATH, type CatalogueDataset, type OpenDataCatalogue } from './catalogue'

/** The prefixes the catalogue uses, inline so a reader needs nothing from the network to expand it. */
export const DCAT_CONTEXT = {
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
  org: 'http://www.w3.org/ns/org#',
  xsd: 'http://www.w3.org/2001/XMLSchema#',
  // Indicator metadata (Satu Data Indonesia's metadata baku) has no W3C vocabulary: terms of our own.
  cerdas: 'urn:cerdas:open-data#',
} as const

/** IANA's address of a media type, as DCAT-AP wants `dcat:mediaType`. */
export const ianaMediaType = (mediaType: string) => `http://www.iana.org/assignments/media-types/${mediaType}`

/** The EU file-type concepts of the formats served; others are named by a literal. */
const EU_FILE_TYPES: Record<string, string> = {
  CSV: 'CSV',
  JSON: 'JSON',
  iCalendar: 'ICAL',
  'JSON-LD': 'JSON_LD',
  XML: 'XML',
}

const texts = (text: LocalizedText) => [
  { '@value': text.id, '@language': 'id' },
  ...(text.en ? [{ '@value': text.en, '@language': 'en' }] : []),
]
const instant = (value: string | null) => (value ? { '@value': value, '@type': 'xsd:dateTime' } : undefined)
const dimensionTitle = (id: string) => DIMENSIONS.find((d) => d.id === id)?.title ?? { id }

function datasetNode(dataset: CatalogueDataset, catalogue: OpenDataCatalogue, origin: string) {
  const publisherId = `${origin}/#penerbit`
  const licence = { '@id': catalogue.licence.url }
  return {
    '@id': `${origin}/data#${dataset.id}`,
    '@type': 'dcat:Dataset',
    'dcterms:identifier': dataset.id,
    'dcterms:title': texts(dataset.title),
    'dcterms:description': texts(dataset.description),
    // The EU theme for harvesters, and the smart-city dimension as the tenant's own concept.
    'dcat:theme': [
      { '@id': euThemeUri(dataset.theme) },
      {
        '@id': `${origin}/data#dimensi-${dataset.dimension}`,
        '@type': 'skos:Concept',
        'skos:prefLabel': texts(dimensionTitle(dataset.dimension)),
      },
    ],
    'dcat:keyword': [
      ...texts(dimensionTitle(dataset.dimension)),
      ...texts(dataset.moduleTitle),
      ...dataset.keywords.map((k) => ({ '@value': k, '@language': 'id' })),
    ],
    'dcterms:publisher': dataset.publisherOffice
      ? {
          '@type': 'foaf:Organization',
          'foaf:name': texts(dataset.publisherOffice),
          'org:subOrganizationOf': { '@id': publisherId },
        }
      : { '@id': publisherId },
    'dcat:contactPoint': {
      '@type': 'vcard:Organization',
      'vcard:fn': dataset.publisherOffice?.id ?? catalogue.tenant.name,
      'vcard:hasURL': { '@id': `${origin}/` },
    },
    'dcterms:accrualPeriodicity': { '@id': frequencyUri(dataset.frequency) },
    'dcterms:license': licence,
    'dcat:landingPage': { '@id': `${origin}/data#${dataset.id}` },
    ...(dataset.issued ? { 'dcterms:issued': instant(dataset.issued) } : {}),
    ...(dataset.modified ? { 'dcterms:modified': instant(dataset.modified) } : {}),
    'dcat:distribution': dataset.distributions.map((d) => {
      const url = `${origin}${d.path}`
      const fileType = EU_FILE_TYPES[d.format]
      return {
        '@id': url,
        '@type': 'dcat:Distribution',
        'dcterms:title': texts(d.title),
        'dcat:accessURL': { '@id': url },
        ...(d.download ? { 'dcat:downloadURL': { '@id': url } } : {}),
        'dcat:mediaType': { '@id': ianaMediaType(d.mediaType) },
        'dcterms:format': fileType
          ? { '@id': `http://publications.europa.eu/resource/authority/file-type/${fileType}` }
          : d.format,
        ...(d.conformsTo ? { 'dcterms:conformsTo': { '@id': d.conformsTo } } : {}),
        'dcterms:license': licence,
        ...(dataset.modified ? { 'dcterms:modified': instant(dataset.modified) } : {}),
      }
    }),
    ...(dataset.indicators.length > 0
      ? {
          'cerdas:indicator': dataset.indicators.map((i) => ({
            '@type': 'cerdas:Indicator',
            'dcterms:identifier': i.id,
            'skos:prefLabel': texts(i.name),
            'skos:definition': texts(i.definition),
            'cerdas:unit': i.unit,
            'cerdas:method': texts(i.method),
            'dcterms:accrualPeriodicity': { '@id': frequencyUri(i.frequency) },
            ...(i.producer ? { 'cerdas:producer': texts(i.producer) } : {}),
            ...(i.period ? { 'dcterms:temporal': i.period } : {}),
          })),
        }
      : {}),
  }
}

/**
 * The catalogue as DCAT-AP style JSON-LD: a `dcat:Catalog` of `dcat:Dataset`s, each with its
 * `dcat:Distribution`s, absolute URLs at `origin` (the scheme and host the visitor used).
 * @example c.body(JSON.stringify(dcatCatalogue(await openDataCatalogue(ctx), 'https://toba.example.id')))
 */
export function dcatCatalogue(catalogue: OpenDataCatalogue, origin: string) {
  return {
    '@context': DCAT_CONTEXT,
    '@id': `${origin}${CATALOGUE_PATH}`,
    '@type': 'dcat:Catalog',
    'dcterms:title': texts({ id: `Data terbuka ${catalogue.tenant.name}`, en: `${catalogue.tenant.name} open data` }),
    'dcterms:description': texts({
      id: `Data publik ${catalogue.tenant.name} dalam format terbuka, diperbarui setiap kali datanya berubah.`,
      en: `Public data of ${catalogue.tenant.name} in open formats, updated whenever the data changes.`,
    }),
    'dcterms:publisher': {
      '@id': `${origin}/#penerbit`,
      '@type': 'foaf:Organization',
      'foaf:name': catalogue.tenant.name,
      'foaf:homepage': { '@id': `${origin}/` },
    },
    'dcterms:license': { '@id': catalogue.licence.url },
    'foaf:homepage': { '@id': `${origin}/data` },
    'dcat:themeTaxonomy': { '@id': 'http://publications.europa.eu/resource/authority/data-theme' },
    ...(catalogue.modified ? { 'dcterms:modified': instant(catalogue.modified) } : {}),
    'dcat:dataset': catalogue.datasets.map((d) => datasetNode(d, catalogue, origin)),
  }
}
