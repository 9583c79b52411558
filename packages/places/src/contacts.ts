import type { CustomStorage } from '@cerdas/core'
import { z } from '@hono/zod-openapi'

const label = (id: string, en: string) => ({ id, en })

export const phoneSchema = z
  .string()
  .trim()
  .regex(/^\+?[0-9(][0-9 ()-]{4,28}$/, 'digits, spaces, +, (, ), - only')
export const emailSchema = z.email().max(200)
const optionalNullable = <T extends z.ZodType>(schema: T) => schema.nullable().optional()

export const contactsInputSchema = z
  .strictObject({
    phone: optionalNullable(phoneSchema),
    whatsapp: optionalNullable(phoneSchema),
    email: optionalNullable(emailSchema),
    website: optionalNullable(z.url({ protocol: /^https?$/ }).max(2000)),
  })
  .openapi('ContactsInput')

export type Contacts = { phone: string | null; whatsapp: string | null; email: string | null; website: string | null }
const CONTACTS = ['phone', 'whatsapp', 'email', 'website'] as const

/**
 * Contacts of a place: a group in the API, one column each; an update changes only the contacts
 * it names. Offices, attractions, eateries, lodgings and businesses all keep them this way.
 * @example contacts: field.custom({ label, required: true, default: {}, custom: contactsStorage })
 */
export const contactsStorage: CustomStorage<Partial<Contacts>> = {
  columns: CONTACTS.map((key) => ({ key, column: key, type: 'TEXT' as const })),
  input: contactsInputSchema,
  output: z.object(Object.fromEntries(CONTACTS.map((key) => [key, z.string().nullable()]))),
  read: (row) => Object.fromEntries(CONTACTS.map((key) => [key, (row[key] as string | null) ?? null])),
  write: (value) =>
    Object.fromEntries(CONTACTS.filter((key) => value?.[key] !== undefined).map((key) => [key, value?.[key]])),
  admin: [
    { name: 'contacts.phone', label: label('Telepon', 'Phone'), type: 'text', section: label('Kontak', 'Contacts') },
    { name: 'contacts.whatsapp', label: label('WhatsApp', 'WhatsApp'), type: 'text' },
    { name: 'contacts.email', label: label('Surel', 'Email'), type: 'text' },
    { name: 'contacts.website', label: label('Situs web', 'Website'), type: 'url' },
  ],
  values: (value) => Object.fromEntries(CONTACTS.map((key) => [`contacts.${key}`, value?.[key] ?? null])),
}
