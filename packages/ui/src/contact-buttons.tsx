import { type Locale, translator } from '@cerdas/core/web'
import { uiMessages } from './messages'
import { whatsappNumber } from './place-details'
import { WithPageLocale } from './with-locale'

export interface ContactButtonsProps {
  /** The place's name, put into the WhatsApp message so the person answering knows what it is about. */
  name: string
  /** The page's address, added to the message. */
  url?: string | undefined
  contacts: { phone?: string | null | undefined; whatsapp?: string | null | undefined }
  /** A booking link (a lodging's), shown as its own button. */
  booking?: string | null | undefined
  locale?: Locale
}

/** `https://wa.me/62812…?text=…` with a message naming the place, in the reader's language. */
export function whatsappLink(number: string, message: string): string {
  return `https://wa.me/${whatsappNumber(number)}?text=${encodeURIComponent(message)}`
}

/**
 * Call, WhatsApp and booking as large buttons for thumbs on a phone: `tel:` dials, WhatsApp opens
 * with a prefilled message. Nothing is shown when the place has none of them.
 * @example <ContactButtons name={pickText(place.name, locale)} url={pageUrl} contacts={place.contacts} />
 */
export function ContactButtons(props: ContactButtonsProps) {
  const { locale } = props
  if (locale) return <ContactButtonList {...props} locale={locale} />
  return <WithPageLocale render={(l) => <ContactButtonList {...props} locale={l} />} />
}

function ContactButtonList({ name, url, contacts, booking, locale }: ContactButtonsProps & { locale: Locale }) {
  const t = translator(uiMessages, locale)
  if (!contacts.phone && !contacts.whatsapp && !booking) return null
  const message = t('whatsappMessage', { name }) + (url ? ` ${url}` : '')
  return (
    <p className="contact-buttons">
      {contacts.phone ? (
        <a className="button" href={`tel:${contacts.phone.replace(/[^\d+]/g, '')}`}>
          {t('call')}
        </a>
      ) : null}
      {contacts.whatsapp ? (
        <a className="button" href={whatsappLink(contacts.whatsapp, message)} rel="noopener">
          {t('whatsapp')}
        </a>
      ) : null}
      {booking ? (
        <a className="button" href={booking} rel="noopener">
          {t('book')}
        </a>
      ) : null}
    </p>
  )
}
