import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { PlaceDetails, SpecialHours, whatsappNumber } from '../src/index'

const text = (html: string) => html.replace(/<[^>]+>/g, '')

describe('PlaceDetails', () => {
  it('links the map, directions, phone, WhatsApp, email and website without a map library', () => {
    const html = renderToStaticMarkup(
      <PlaceDetails
        locale="id"
        address="Jl. Sisingamangaraja No. 1"
        area="Balige"
        coordinates={{ lat: 2.3333, lon: 99.0667 }}
        contacts={{
          phone: '(0632) 21234',
          whatsapp: '0812-3456-7890',
          email: 'dukcapil@tobakab.go.id',
          website: 'https://tobakab.go.id/',
        }}
      />,
    )
    expect(text(html)).toContain('Jl. Sisingamangaraja No. 1, Balige')
    expect(html).toContain('href="https://www.openstreetmap.org/?mlat=2.3333&amp;mlon=99.0667#map=17/2.3333/99.0667"')
    expect(html).toContain('href="https://www.openstreetmap.org/directions?to=2.3333%2C99.0667"')
    expect(html).toContain('href="geo:2.3333,99.0667"')
    expect(html).toContain('href="tel:063221234"')
    expect(html).toContain('href="https://wa.me/6281234567890"')
    expect(html).toContain('href="mailto:dukcapil@tobakab.go.id"')
    expect(text(html)).toContain('tobakab.go.id')
    expect(html).not.toContain('<script')
  })

  it('says plainly when the address is missing and leaves out what is unknown', () => {
    const html = renderToStaticMarkup(<PlaceDetails locale="en" address={null} coordinates={null} />)
    expect(text(html)).toBe('AddressNo address recorded yet')
    expect(html).not.toContain('openstreetmap')
  })

  it('writes WhatsApp numbers in international form', () => {
    expect(whatsappNumber('0812 3456 7890')).toBe('6281234567890')
    expect(whatsappNumber('+62 812-3456-7890')).toBe('6281234567890')
  })
})

describe('SpecialHours', () => {
  it('lists overrides, closures and extra openings by date', () => {
    const html = renderToStaticMarkup(
      <SpecialHours
        locale="id"
        overrides={[{ from: '2027-02-08', to: '2027-03-09', reason: { id: 'Jam Ramadan', en: 'Ramadan hours' } }]}
        closures={[{ from: '2027-01-04', reason: { id: 'Rapat kerja' } }]}
        extraOpenings={[
          { date: '2027-01-09', reason: { id: 'Layanan Sabtu' }, intervals: [{ start: '08:00', end: '12:00' }] },
        ]}
      />,
    )
    const items = [...html.matchAll(/<li>(.*?)<\/li>/g)].map((m) => text(m[1] ?? ''))
    expect(items).toEqual([
      'Tutup Senin, 4 Januari 2027: Rapat kerja',
      'Buka khusus Sabtu, 9 Januari 2027: Layanan Sabtu (08:00–12:00)',
      'Senin, 8 Februari 2027 – Selasa, 9 Maret 2027: Jam Ramadan',
    ])
  })

  it('says when there is nothing special coming', () => {
    const html = renderToStaticMarkup(<SpecialHours locale="en" overrides={[]} closures={[]} extraOpenings={[]} />)
    expect(text(html)).toBe('No upcoming special hours.')
  })
})
