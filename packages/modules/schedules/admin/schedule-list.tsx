import { type LoaderFunctionArgs, redirect } from '@remix-run/node'
import { scheduleScreen } from './editor.server'

/** `/admin/jadwal` is the schedules list of the generic screens. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return redirect(scheduleScreen(context, request).path)
}
