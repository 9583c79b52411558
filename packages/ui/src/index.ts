export { chartMessages } from './chart-messages'
export { ConsoleNotice, CsrfField, StatusBadge, useCsrfToken } from './console-parts'
export { ContactButtons, type ContactButtonsProps, whatsappLink } from './contact-buttons'
export { HoursSection, type HoursSectionProps } from './hours-section'
export { HoursWeek, type HoursWeekProps } from './hours-week'
export {
  KPI_COLOURS,
  KpiChart,
  type KpiChartLayout,
  type KpiChartProps,
  type KpiPoint,
  kpiChartLayout,
  kpiChartSummary,
  niceTicks,
} from './kpi-chart'
export { uiMessages } from './messages'
export { formatNumber, formatQuantity } from './number-format'
export { OpenStatus, type OpenStatusProps, openStatusText, type ScheduleStatusLike } from './open-status'
export { Pager } from './pager'
export {
  DEFAULT_PHOTO_SIZES,
  PhotoFigure,
  type PhotoFigureProps,
  PhotoGallery,
  type PhotoGalleryProps,
  photoCaption,
} from './photo-figure'
export { photoMessages } from './photo-messages'
export { PlaceCard, type PlaceCardProps } from './place-card'
export { PlaceDetails, type PlaceDetailsProps, whatsappNumber } from './place-details'
export { type FilterControl, type FilterOption, PlaceFilters, type PlaceFiltersProps } from './place-filters'
export { PlaceListView, type PlaceListViewProps } from './place-list-view'
export { type MapMarker, PLACE_MAP_SCRIPT, PLACE_MAP_STYLES, PlaceMap, type PlaceMapProps } from './place-map'
export { PresenceList, type PresenceListProps } from './presence-list'
export { PresenceStatus, type PresenceStatusProps, presenceStatusText } from './presence-status'
export { ProgressBar, type ProgressBarProps } from './progress-bar'
export { RecordVerification, type RecordVerificationProps } from './record-verification'
export { formatLocalDate, formatMoment, zonedParts } from './schedule-format'
export { scheduleMessages } from './schedule-messages'
export { SectionList } from './section-list'
export { type MetaDescriptor, SHARE_IMAGE_SIZE, type SocialMetaInput, shareImageUrl, socialMeta } from './social-meta'
export { SpecialHours, type SpecialHoursProps } from './special-hours'
export { useLocale } from './use-locale'
export { VerificationBadge } from './verification-badge'
export { WeekTable, type WeekTableDay, type WeekTableProps } from './week-table'
