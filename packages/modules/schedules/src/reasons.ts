import type { LocalizedText } from '@cerdas/core'
import type { StatusReason } from '@cerdas/schedules'

const GENERIC: Record<string, LocalizedText> = {
  open: { id: 'Jam layanan biasa', en: 'Regular hours' },
  outside: { id: 'Di luar jam buka', en: 'Outside opening hours' },
  break: { id: 'Istirahat', en: 'Break' },
  closed_day: { id: 'Tidak buka pada hari ini', en: 'Closed on this day' },
  holiday: { id: 'Hari libur', en: 'Holiday' },
  override: { id: 'Jam khusus', en: 'Special hours' },
  closure: { id: 'Tutup', en: 'Closed' },
  extra: { id: 'Buka khusus', en: 'Special opening' },
}

/**
 * The engine's reason with a label people can read: the holiday name or the admin's reason when
 * there is one, else a generic Indonesian/English text.
 */
export function describeReason(
  reason: StatusReason,
  open: boolean,
): { kind: StatusReason['kind']; label: LocalizedText } {
  if (reason.label) return { kind: reason.kind, label: { ...reason.label } }
  const key = reason.kind === 'weekly' || reason.kind === 'always' ? (open ? 'open' : 'outside') : reason.kind
  return { kind: reason.kind, label: GENERIC[key] ?? (GENERIC.outside as LocalizedText) }
}
