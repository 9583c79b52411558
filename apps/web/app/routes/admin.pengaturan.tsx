import { isProblemError } from '@cerdas/core'
import { translator } from '@cerdas/core/web'
import { emailSchema } from '@cerdas/identity'
import {
  checkModuleSettings,
  checkTenantProfile,
  type FieldIssue,
  type MailSettings,
  readSettingsForm,
  type SettingsIssue,
  sendTestMail,
  setTenantModules,
  settingsFields,
  smtpPasswordEnvName,
  tenantMailSettings,
  updateMailSettings,
  updateModuleSettings,
  updateTenantProfile,
  validateMailSettings,
} from '@cerdas/platform'
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from '@remix-run/node'
import { Form, useActionData, useLoaderData } from '@remix-run/react'
import { CsrfField, ErrorSummary, Field, FlashNotice, type FormField } from '../admin/components'
import { readForm, redirectWithFlash, requireConsole, requirePermission, takeFlash, text } from '../admin/guard.server'
import { MAIL_FAILURE_MESSAGES } from '../admin/mail-failure'
import { type AdminMessageKey, adminMessages } from '../admin/messages'
import {
  consolePlatform,
  freshRecord,
  issueText,
  moduleChoices,
  moduleSettingsForm,
  type ProfileValues,
  profileInput,
  profileValues,
  requirementErrors,
  titleOf,
} from '../admin/settings.server'
import { SettingsInput } from '../admin/settings-fields'
import { useAdminT } from '../admin/use-admin-t'

const PATH = '/admin/pengaturan'
const LOCALES = ['id', 'en'] as const

/** The email (SMTP) form as text; checkboxes are `on` or empty. Fields are named `mail.<key>`. */
type MailValues = Record<'enabled' | 'host' | 'port' | 'secure' | 'user' | 'passwordEnv' | 'from', string>

const mailValuesOf = (m: MailSettings): MailValues => ({
  enabled: m.enabled ? 'on' : '',
  host: m.host,
  port: String(m.port),
  secure: m.secure ? 'on' : '',
  user: m.user,
  passwordEnv: m.passwordEnv,
  from: m.from,
})

function mailInput(v: MailValues) {
  const portText = v.port.trim()
  const port = Number(portText)
  return {
    enabled: v.enabled === 'on',
    host: v.host,
    ...(portText === '' ? {} : { port: Number.isFinite(port) ? port : portText }),
    secure: v.secure === 'on',
    user: v.user,
    passwordEnv: v.passwordEnv,
    from: v.from,
  }
}

/** Mail issues in words: the schema's own codes for host, port, sender and variable name get their own text. */
function mailIssueText(
  issue: SettingsIssue,
  t: (key: AdminMessageKey, vars?: Record<string, string | number>) => string,
  passwordEnv: string,
) {
  const own: Record<string, AdminMessageKey> = {
    host: 'mailHostInvalid',
    from: 'mailFromInvalid',
    envName: 'mailEnvInvalid',
    envNamespace: 'mailEnvNamespace',
    hostRefused: 'mailHostRefused',
    portRefused: 'mailPortRefused',
  }
  const key = issue.code === 'invalid' && issue.message ? own[issue.message] : undefined
  return key ? { code: 'custom' as const, message: t(key, { name: passwordEnv }) } : issueText(issue, t)
}

export async function loader({ request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  requirePermission(console, 'cerdas.settings:update')
  const platform = await consolePlatform(console)
  const record = await freshRecord(platform, console)
  const enabled = new Set(record.modules.filter((m) => m.enabled).map((m) => m.moduleId))
  const { flash, headers } = takeFlash(request, console)
  return data(
    {
      profile: profileValues(record),
      mail: mailValuesOf(await tenantMailSettings(platform, record.id)),
      passwordEnv: smtpPasswordEnvName(record.slug),
      testTo: console.session.email,
      modules: moduleChoices(platform, record, console.locale),
      moduleForms: platform.modules
        .filter((m) => enabled.has(m.id))
        .map((m) => moduleSettingsForm(m, record, console.locale))
        .filter((f) => f.fields.length > 0),
      flash,
    },
    { headers },
  )
}

type Failure =
  | { intent: 'profile'; values: ProfileValues; errors: Record<string, FieldIssue> }
  | { intent: 'modules'; wanted: string[]; errors: string[] }
  | { intent: 'module-settings'; module: string; values: Record<string, string>; errors: Record<string, FieldIssue> }
  | { intent: 'mail'; values: MailValues; errors: Record<string, FieldIssue> }
  | { intent: 'mail-test'; testTo: string; errors: Record<string, FieldIssue> }

export async function action({ request, context }: ActionFunctionArgs) {
  const console = requireConsole(context, request)
  requirePermission(console, 'cerdas.settings:update')
  const form = await readForm(console, request)
  const platform = await consolePlatform(console)
  const t = translator(adminMessages, console.locale)
  const intent = text(form, '_intent')

  if (intent === 'profile') {
    const values: ProfileValues = {
      name: text(form, 'name'),
      'tagline.id': text(form, 'tagline.id'),
      'tagline.en': text(form, 'tagline.en'),
      primaryColor: text(form, 'primaryColor'),
      accentColor: text(form, 'accentColor'),
      logoUrl: text(form, 'logoUrl'),
      mapTileUrl: text(form, 'mapTileUrl'),
      mapAttribution: text(form, 'mapAttribution'),
      dataLicence: text(form, 'dataLicence'),
      locales: form
        .getAll('locales')
        .filter((v) => v === 'id' || v === 'en')
        .join(','),
      defaultLocale: text(form, 'defaultLocale'),
    }
    const checked = checkTenantProfile(profileInput(values))
    if (!checked.ok) {
      const errors = Object.fromEntries(Object.entries(checked.errors).map(([k, issue]) => [k, issueText(issue, t)]))
      if (errors.locales) errors.locales = { code: 'custom', message: t('settingsLocalesRequired') }
      return data<Failure>({ intent, values, errors }, { status: 422 })
    }
    await updateTenantProfile(platform, console.ctx, checked.value)
    return redirectWithFlash(PATH, { key: 'profileSaved' }, console)
  }

  if (intent === 'modules') {
    const known = new Set(platform.modules.map((m) => m.id))
    const wanted = new Set(form.getAll('modules').filter((v): v is string => typeof v === 'string' && known.has(v)))
    const errors = Object.values(requirementErrors(platform, wanted, console.locale, t))
    if (errors.length > 0) return data<Failure>({ intent, wanted: [...wanted], errors }, { status: 422 })
    try {
      await setTenantModules(platform, console.ctx, wanted)
    } catch (error) {
      if (!isProblemError(error) || error.problem.status !== 409) throw error
      const detail = error.problem.detail ?? error.problem.title
      return data<Failure>({ intent, wanted: [...wanted], errors: [t('problemOther', { detail })] }, { status: 409 })
    }
    return redirectWithFlash(PATH, { key: 'modulesSaved' }, console)
  }

  if (intent === 'mail') {
    const values: MailValues = {
      enabled: form.get('mail.enabled') ? 'on' : '',
      host: text(form, 'mail.host'),
      port: text(form, 'mail.port'),
      secure: form.get('mail.secure') ? 'on' : '',
      user: text(form, 'mail.user'),
      passwordEnv: text(form, 'mail.passwordEnv'),
      from: text(form, 'mail.from'),
    }
    const slug = console.ctx.tenant.slug
    const checked = await validateMailSettings(mailInput(values), { slug })
    if (!checked.ok) {
      const errors = Object.fromEntries(
        Object.entries(checked.errors).map(([k, issue]) => [
          `mail.${k}`,
          mailIssueText(issue, t, smtpPasswordEnvName(slug)),
        ]),
      )
      return data<Failure>({ intent, values, errors }, { status: 422 })
    }
    await updateMailSettings(platform, console.ctx, checked.value)
    return redirectWithFlash(PATH, { key: 'mailSaved' }, console)
  }

  if (intent === 'mail-test') {
    const testTo = text(form, 'mail.testTo').trim()
    const to = emailSchema.safeParse(testTo)
    if (!to.success) {
      const message = t(testTo ? 'emailInvalid' : 'required')
      return data<Failure>({ intent, testTo, errors: { 'mail.testTo': { code: 'custom', message } } }, { status: 422 })
    }
    const result = await sendTestMail(platform, console.ctx, to.data)
    return redirectWithFlash(
      PATH,
      result.emailed
        ? { key: 'mailTestSent', vars: { email: result.to } }
        : { key: 'mailTestFailed', vars: { email: result.to, reason: t(MAIL_FAILURE_MESSAGES[result.failure]) } },
      console,
    )
  }

  if (intent === 'module-settings') {
    const moduleId = text(form, 'module')
    const mod = platform.modules.find((m) => m.id === moduleId && console.ctx.tenant.modules[m.id])
    if (!mod) throw new Response('Not found', { status: 404 })
    const fields = settingsFields(mod.settings)
    const name = (key: string) => `${mod.id}.${key}`
    const values = readSettingsForm(
      fields,
      (key) => form.get(name(key)),
      (key) => form.getAll(name(key)),
    )
    const checked = checkModuleSettings(mod, values)
    if (!checked.ok) {
      const raw = Object.fromEntries(
        fields.map((f) => [
          f.name,
          f.type === 'multiselect'
            ? form.getAll(name(f.name)).join(',')
            : f.type === 'checkbox'
              ? form.get(name(f.name))
                ? 'on'
                : ''
              : text(form, name(f.name)),
        ]),
      )
      const errors = Object.fromEntries(Object.entries(checked.errors).map(([k, issue]) => [k, issueText(issue, t)]))
      return data<Failure>({ intent, module: mod.id, values: raw, errors }, { status: 422 })
    }
    await updateModuleSettings(platform, console.ctx, mod.id, checked.value)
    return redirectWithFlash(
      PATH,
      { key: 'moduleSettingsSaved', vars: { module: titleOf(platform, mod.id, console.locale) } },
      console,
    )
  }
  throw new Response('Bad request', { status: 400 })
}

export default function Settings() {
  const { profile, mail, passwordEnv, testTo, modules, moduleForms, flash } = useLoaderData<typeof loader>()
  const failure = useActionData<typeof action>() as Failure | undefined
  const t = useAdminT()
  const profileFailure = failure?.intent === 'profile' ? failure : undefined
  const values = profileFailure?.values ?? profile
  const errors = profileFailure?.errors ?? {}
  const chosenLocales = new Set(values.locales.split(',').filter(Boolean))
  const modulesFailure = failure?.intent === 'modules' ? failure : undefined
  const wanted = modulesFailure ? new Set(modulesFailure.wanted) : null

  const profileFields: FormField[] = [
    { name: 'name', label: t('tenantName'), type: 'text', required: true },
    { name: 'tagline.id', label: t('taglineId'), type: 'text' },
    { name: 'tagline.en', label: t('taglineEn'), type: 'text' },
    { name: 'primaryColor', label: t('primaryColor'), type: 'text', required: true, help: t('colourHelp') },
    { name: 'accentColor', label: t('accentColor'), type: 'text', required: true, help: t('colourHelp') },
    { name: 'logoUrl', label: t('logoUrl'), type: 'text', help: t('logoHelp') },
    { name: 'mapTileUrl', label: t('mapTileUrl'), type: 'text', help: t('mapTileUrlHelp') },
    { name: 'mapAttribution', label: t('mapAttribution'), type: 'text', help: t('mapAttributionHelp') },
    { name: 'dataLicence', label: t('dataLicence'), type: 'text', help: t('dataLicenceHelp') },
  ]
  const mailFailure = failure?.intent === 'mail' ? failure : undefined
  const mailValues = mailFailure?.values ?? mail
  const mailErrors = mailFailure?.errors ?? {}
  const testFailure = failure?.intent === 'mail-test' ? failure : undefined
  const mailFields: FormField[] = [
    { name: 'mail.enabled', label: t('mailEnabled'), type: 'checkbox' },
    { name: 'mail.host', label: t('mailHost'), type: 'text', autoComplete: 'off' },
    { name: 'mail.port', label: t('mailPort'), type: 'number', help: t('mailPortHelp') },
    { name: 'mail.secure', label: t('mailSecure'), type: 'checkbox' },
    { name: 'mail.user', label: t('mailUser'), type: 'text', help: t('mailUserHelp'), autoComplete: 'off' },
    {
      name: 'mail.passwordEnv',
      label: t('mailPasswordEnv'),
      type: 'text',
      help: t('mailPasswordEnvHelp', { name: passwordEnv }),
      autoComplete: 'off',
    },
    { name: 'mail.from', label: t('mailFrom'), type: 'text', help: t('mailFromHelp'), autoComplete: 'off' },
  ]
  const testField: FormField = { name: 'mail.testTo', label: t('mailTestTo'), type: 'email', required: true }

  const languageFields: FormField[] = [
    { name: 'locales', label: t('languages'), type: 'checkbox' },
    { name: 'defaultLocale', label: t('defaultLanguage'), type: 'select' },
  ]

  return (
    <>
      <h1>{t('settings')}</h1>
      <p className="muted">{t('settingsIntro')}</p>
      <FlashNotice flash={flash} />

      <section aria-labelledby="profile-heading" className="admin-panel">
        <h2 id="profile-heading">{t('profileHeading')}</h2>
        <ErrorSummary fields={[...profileFields, ...languageFields]} errors={errors} />
        <Form method="post" noValidate className="admin-form" id="profile-form">
          <CsrfField />
          <input type="hidden" name="_intent" value="profile" />
          {profileFields.map((field) => (
            <Field
              key={field.name}
              field={field}
              value={values[field.name as keyof ProfileValues]}
              issue={errors[field.name]}
            />
          ))}
          <p className="color-preview" aria-hidden="true">
            <span style={{ background: profile.primaryColor }} /> <span style={{ background: profile.accentColor }} />
          </p>
          <fieldset
            className={`field${errors.locales ? ' field-invalid' : ''}`}
            aria-describedby={errors.locales ? 'f-locales-error' : undefined}
          >
            <legend>{t('languagesHeading')}</legend>
            <p>{t('languages')}</p>
            {errors.locales ? (
              <p className="field-error" id="f-locales-error">
                {errors.locales.message}
              </p>
            ) : null}
            {LOCALES.map((locale, i) => (
              <label key={locale} className="check" htmlFor={i === 0 ? 'f-locales' : `f-locales-${locale}`}>
                <input
                  type="checkbox"
                  id={i === 0 ? 'f-locales' : `f-locales-${locale}`}
                  name="locales"
                  value={locale}
                  defaultChecked={chosenLocales.has(locale)}
                />{' '}
                {t(`lang_${locale}`)}
              </label>
            ))}
            <label htmlFor="f-defaultLocale">{t('defaultLanguage')}</label>
            {errors.defaultLocale ? (
              <p className="field-error" id="f-defaultLocale-error">
                {errors.defaultLocale.message}
              </p>
            ) : null}
            <select
              id="f-defaultLocale"
              name="defaultLocale"
              defaultValue={values.defaultLocale}
              aria-invalid={errors.defaultLocale ? true : undefined}
              aria-describedby={errors.defaultLocale ? 'f-defaultLocale-error' : undefined}
            >
              {LOCALES.map((locale) => (
                <option key={locale} value={locale}>
                  {t(`lang_${locale}`)}
                </option>
              ))}
            </select>
          </fieldset>
          <button type="submit">{t('saveProfile')}</button>
        </Form>
      </section>

      <section aria-labelledby="modules-heading" className="admin-panel">
        <h2 id="modules-heading">{t('modulesHeading')}</h2>
        <p className="muted">{t('modulesHelp')}</p>
        {modulesFailure ? (
          <div className="error-summary" role="alert" tabIndex={-1}>
            <h2>{t('errorSummary')}</h2>
            <ul>
              {modulesFailure.errors.map((e) => (
                <li key={e}>{e}</li>
              ))}
            </ul>
          </div>
        ) : null}
        <Form method="post" noValidate className="admin-form" id="modules-form">
          <CsrfField />
          <input type="hidden" name="_intent" value="modules" />
          <fieldset className="field">
            <legend>{t('modulesHeading')}</legend>
            {modules.map((m) => (
              <label key={m.id} className="check" htmlFor={`f-module-${m.id}`}>
                <input
                  type="checkbox"
                  id={`f-module-${m.id}`}
                  name="modules"
                  value={m.id}
                  defaultChecked={wanted ? wanted.has(m.id) : m.enabled}
                />{' '}
                {m.title} <code className="muted">{m.id}</code>
                {m.requires.length > 0 ? (
                  <span className="muted"> · {t('modulesRequire', { modules: m.requires.join(', ') })}</span>
                ) : null}
              </label>
            ))}
          </fieldset>
          <button type="submit">{t('saveModules')}</button>
        </Form>
      </section>

      <section aria-labelledby="mail-heading" className="admin-panel" id="email">
        <h2 id="mail-heading">{t('mailHeading')}</h2>
        <p className="muted">{t('mailHelp')}</p>
        <ErrorSummary fields={mailFields} errors={mailErrors} />
        <Form method="post" noValidate className="admin-form" id="mail-form">
          <CsrfField />
          <input type="hidden" name="_intent" value="mail" />
          {mailFields.map((field) => (
            <Field
              key={field.name}
              field={field}
              value={mailValues[field.name.slice('mail.'.length) as keyof MailValues]}
              issue={mailErrors[field.name]}
            />
          ))}
          <button type="submit">{t('saveMail')}</button>
        </Form>
        <h3>{t('mailTestHeading')}</h3>
        <p className="muted">{t('mailTestHelp')}</p>
        <ErrorSummary fields={[testField]} errors={testFailure?.errors ?? {}} />
        <Form method="post" noValidate className="admin-form" id="mail-test-form">
          <CsrfField />
          <input type="hidden" name="_intent" value="mail-test" />
          <Field field={testField} value={testFailure?.testTo ?? testTo} issue={testFailure?.errors['mail.testTo']} />
          <button type="submit" className="secondary" disabled={mail.enabled !== 'on'}>
            {t('mailTestButton')}
          </button>
        </Form>
      </section>

      {moduleForms.map((mf) => {
        const own = failure?.intent === 'module-settings' && failure.module === mf.id ? failure : undefined
        const moduleErrors = own?.errors ?? {}
        return (
          <section key={mf.id} aria-labelledby={`settings-${mf.id}`} className="admin-panel" id={`modul-${mf.id}`}>
            <h2 id={`settings-${mf.id}`}>{t('moduleSettingsHeading', { module: mf.title })}</h2>
            <ErrorSummary
              fields={mf.fields.map((f) => ({ name: `${mf.id}.${f.name}`, label: f.label }))}
              errors={Object.fromEntries(Object.entries(moduleErrors).map(([k, v]) => [`${mf.id}.${k}`, v]))}
            />
            <Form method="post" noValidate className="admin-form">
              <CsrfField />
              <input type="hidden" name="_intent" value="module-settings" />
              <input type="hidden" name="module" value={mf.id} />
              {mf.fields.map((field) => (
                <SettingsInput
                  key={field.name}
                  prefix={mf.id}
                  field={field}
                  value={own?.values[field.name] ?? mf.values[field.name] ?? ''}
                  issue={moduleErrors[field.name]}
                />
              ))}
              <button type="submit">{t('saveModuleSettings', { module: mf.title })}</button>
            </Form>
          </section>
        )
      })}
    </>
  )
}
