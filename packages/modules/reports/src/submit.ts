import type { TenantContext } from '@cerdas/core'
import type { ReportInput } from './input'
import type { SubmissionGuard, SubmitResult } from './types'

/** Files a report: counted first, checked, stored with its deadline, exactly once per clientKey. */
export async function submitReport(ctx: TenantContext, input: ReportInput, guard: SubmissionGuard): Promise<SubmitResult> {
  void ctx, input, guard
  throw new Error('pending')
}
