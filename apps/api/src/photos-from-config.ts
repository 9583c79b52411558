import { localPhotoStorage, type PhotoService, photoService, s3PhotoStorage } from '@cerdas/photos'
import type { Config } from './config'

/**
 * Photo storage and limits as the operator configured them: S3-compatible object storage when the
 * CERDAS_S3_* variables are set, else files under the data directory.
 */
export function photosFromConfig(config: Config): PhotoService {
  const limits = {
    maxBytes: config.CERDAS_PHOTO_MAX_BYTES,
    maxPixels: config.CERDAS_PHOTO_MAX_PIXELS,
    concurrency: config.CERDAS_PHOTO_CONCURRENCY,
  }
  const { CERDAS_S3_ENDPOINT: endpoint, CERDAS_S3_BUCKET: bucket } = config
  const { CERDAS_S3_ACCESS_KEY_ID: accessKeyId, CERDAS_S3_SECRET_ACCESS_KEY: secretAccessKey } = config
  if (endpoint && bucket && accessKeyId && secretAccessKey)
    return photoService(
      s3PhotoStorage({
        endpoint,
        bucket,
        region: config.CERDAS_S3_REGION,
        accessKeyId,
        secretAccessKey,
        prefix: config.CERDAS_S3_PREFIX,
      }),
      limits,
    )
  return photoService(localPhotoStorage(config.CERDAS_DATA_DIR), limits)
}
