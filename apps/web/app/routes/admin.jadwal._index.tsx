import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { requireConsole } from '../admin/guard.server'
import { scheduleEntity } from '../admin/schedule.server'

/** `/admin/jadwal` is the schedules list of the generic screens. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const console = requireConsole(context, request)
  return redirect(scheduleEntity(console).path)
}
