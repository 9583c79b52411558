import { isProblemError } from '@cerdas/core'
import { formatInstant } from '@cerdas/core/web'
import { listApiTokens } from '@cerdas/identity'
import { createAccountToken, grantsFromForm, revokeAccountToken } from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import {
  CsrfField,
  ErrorSummary,
  Field,
  FlashNotice,
  type FormField,
  type Issues,
  RolesFieldset,
} from '../admin/components'
import {
  grantLabels,
  readForm,
  redirectWithFlash,
  requireConsole,
  requirePermission,
  roleChoices,
  takeFlash,
  text,
} from '../admin/guard.server'
import type { AdminMessageKey } from '../admin/messages'
import { useAdminT } from '../admin/use-admin-t'

const PATH = '/admin/token'

export async function loader({ request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  requirePermission(console, 'cerdas.tokens:manage')
  const { ctx, locale } = console
  const when = (iso: string | null) =>
    iso ? formatInstant(iso, ctx.tenant, locale, { dateStyle: 'medium', timeStyle: 'short' }) : null
  const { flash, headers } = takeFlash(request, console)
  const tokens = (await listApiTokens(ctx.db)).map((tok) => ({
    id: tok.id,
    name: tok.name,
    roles: grantLabels(tok.grants, locale),
    created: when(tok.createdAt),
    lastUsed: when(tok.lastUsedAt),
    revoked: when(tok.revokedAt),
    expires: when(tok.expiresAt),
  }))
  return data({ tokens, choices: roleChoices(locale), flash }, { headers })
}

interface Failure {
  intent: string
  values: { name?: string; roles?: string[]; editor?: string }
  errors: Issues
  formErrors: AdminMessageKey[]
}

export async function action({ request, context }: ActionFunctionArgs) {
  const console = requireConsole(context, request)
  requirePermission(console, 'cerdas.tokens:manage')
  const form = await readForm(console, request)
  const intent = text(form, '_intent')
  if (intent === 'create') {
    const name = text(form, 'name').trim()
    const roles = form.getAll('roles').filter((r): r is string => typeof r === 'string')
    const editor = text(form, 'editor')
    const grants = grantsFromForm(roles, editor)
    const errors: Issues = {}
    if (!name) errors.name = 'required'
    else if (name.length > 100) errors.name = { code: 'tooLong', max: 100 }
    if (!grants || grants.length === 0) errors.roles = 'rolesRequired'
    if (Object.keys(errors).length || !grants) {
      return data<Failure>({ intent, values: { name, roles, editor }, errors, formErrors: [] }, { status: 422 })
    }
    const { token, secret } = await createAccountToken(console.ctx, { name, grants })
    return redirectWithFlash(
      PATH,
      {
        key: 'tokenCreated',
        vars: { name: token.name },
        secret: {
          title: 'tokenSecretTitle',
          note: 'tokenSecretOnce',
          label: 'tokenLabel',
          name: token.name,
          value: secret,
        },
      },
      console,
    )
  }
  if (intent === 'revoke') {
    try {
      const token = await revokeAccountToken(console.ctx, text(form, 'tokenId'))
      return redirectWithFlash(PATH, { key: 'tokenRevoked', vars: { name: token.name } }, console)
    } catch (error) {
      if (isProblemError(error) && error.problem.status === 404) {
        return data<Failure>({ intent, values: {}, errors: {}, formErrors: ['problemNotFound'] }, { status: 404 })
      }
      throw error
    }
  }
  throw new Response('Bad request', { status: 400 })
}

export default function Tokens() {
  const { tokens, choices, flash } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>()
  const t = useAdminT()
  const create = failure?.intent === 'create' ? failure : undefined
  const nameField: FormField = {
    name: 'name',
    label: t('tokenName'),
    type: 'text',
    required: true,
    autoComplete: 'off',
  }
  return (
    <>
      <h1>{t('tokens')}</h1>
      <p className="muted">{t('tokensIntro')}</p>
      <FlashNotice flash={flash} />
      {failure?.intent === 'revoke' ? (
        <p className="form-error" role="alert">
          {failure.formErrors.map((k: AdminMessageKey) => t(k)).join(' ')}
        </p>
      ) : null}
      {tokens.length === 0 ? (
        <p>{t('noTokens')}</p>
      ) : (
        <div className="table-wrap">
          <table className="admin-table">
            <thead>
              <tr>
                <th scope="col">{t('tokenName')}</th>
                <th scope="col">{t('roles')}</th>
                <th scope="col">{t('createdOn')}</th>
                <th scope="col">{t('lastUsed')}</th>
                <th scope="col">{t('status')}</th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((tok) => (
                <tr key={tok.id}>
                  <th scope="row">
                    {tok.name}
                    <br />
                    <code className="muted">{tok.id}</code>
                  </th>
                  <td>{tok.roles.join(', ')}</td>
                  <td>{tok.created}</td>
                  <td>{tok.lastUsed ?? t('never')}</td>
                  <td>
                    {tok.revoked ? (
                      t('revokedOn', { date: tok.revoked })
                    ) : (
                      <Form method="post" className="inline-form">
                        <span>{t('tokenActive')} </span>
                        <CsrfField />
                        <input type="hidden" name="_intent" value="revoke" />
                        <input type="hidden" name="tokenId" value={tok.id} />
                        <button type="submit" className="secondary">
                          {t('revoke')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <section aria-labelledby="token-heading" className="admin-panel">
        <h2 id="token-heading">{t('createToken')}</h2>
        <ErrorSummary fields={[nameField, { name: 'roles', label: t('roles') }]} errors={create?.errors ?? {}} />
        <Form method="post" noValidate className="admin-form">
          <CsrfField />
          <input type="hidden" name="_intent" value="create" />
          <Field field={nameField} value={create?.values.name ?? ''} issue={create?.errors.name} />
          <RolesFieldset
            idPrefix="f-"
            choices={choices}
            roles={create?.values.roles ?? []}
            editor={create?.values.editor ?? ''}
            issue={create?.errors.roles}
          />
          <button type="submit">{t('createToken')}</button>
        </Form>
      </section>
    </>
  )
}
