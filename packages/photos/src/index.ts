export { limiter } from './concurrency'
export { DEFAULT_PHOTO_LIMITS, type PhotoLimits } from './limits'
export { localPhotoStorage } from './local-storage'
export { IMMUTABLE, mediaProblem, servePhotoFile } from './media'
export {
  deletePhoto,
  getPhoto,
  keysOf,
  type Photo,
  type PhotoService,
  photoService,
  photoUsers,
  uploadPhoto,
} from './photos'
export { type ProcessedPhoto, processPhoto, type Rendition } from './process-photo'
export {
  DELETE_PERMISSION,
  deletePhotoRoute,
  getPhotoRoute,
  PHOTO_UPLOAD_PATH,
  photoSchema,
  registerPhotoRoutes,
  UPLOAD_PERMISSION,
  uploadPhotoRoute,
} from './routes'
export { type S3StorageOptions, s3PhotoStorage } from './s3-storage'
export { escapeXml, renderShareImage, SHARE_HEIGHT, SHARE_WIDTH, type ShareImageInput, wrapText } from './share-image'
export { amzDate, EMPTY_HASH, type SigV4Credentials, sha256Hex, signRequest } from './sigv4'
export { type SourceFormat, sniffImageFormat } from './sniff'
export { type PhotoKey, type PhotoStorage, photoKey, type StoredFile } from './storage'
