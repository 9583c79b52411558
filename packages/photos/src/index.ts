export { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from './limits'
