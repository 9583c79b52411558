import { useRouteLoaderData } from '@remix-run/react'

/** The session's form token, from the console layout's data (`routes/admin`). */
export function useCsrfToken(): string {
  return (useRouteLoaderData('routes/admin') as { csrfToken?: string } | undefined)?.csrfToken ?? ''
}

/** The hidden form token every console form sends back. */
export function CsrfField() {
  return <input type="hidden" name="_csrf" value={useCsrfToken()} />
}

/** A one-time notice after a redirect (saved, verified), already in the page's language. */
export function ConsoleNotice({ text }: { text: string | null | undefined }) {
  return text ? (
    <div className="flash" role="status">
      <p>{text}</p>
    </div>
  ) : null
}

/** A verification badge with the date already formatted by the loader. */
export function StatusBadge({ verified, text }: { verified: boolean; text: string }) {
  return <span className={`badge ${verified ? 'badge-verified' : 'badge-unverified'}`}>{text}</span>
}
