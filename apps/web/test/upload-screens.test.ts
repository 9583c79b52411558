import { describe, expect, it } from 'vitest'
// The module's screens are mounted from the registry; the app does not depend on the package itself.
import governance, { REGULATION_DOCUMENT_MAX_BYTES } from '../../../packages/modules/governance/src/index'
import { uploadScreenLimit, uploadScreens } from '../server/body-limit'

/** A module's console screen that uploads a file takes a body as large as its file, and only as a multipart form. */
describe('upload screens', () => {
  const screens = uploadScreens([governance])
  const multipart = 'multipart/form-data; boundary=x'

  it("takes a regulation's PDF form up to the document limit, also as a .data request", () => {
    const limit = REGULATION_DOCUMENT_MAX_BYTES + 64 * 1024
    expect(uploadScreenLimit(screens, '/admin/peraturan/reg_01ABC/dokumen', multipart)).toBe(limit)
    expect(uploadScreenLimit(screens, '/admin/PERATURAN/reg_01ABC/dokumen.data', multipart)).toBe(limit)
  })

  it('leaves other paths and other bodies to the form limit', () => {
    expect(uploadScreenLimit(screens, '/admin/peraturan/reg_01ABC/dokumen', 'application/x-www-form-urlencoded')).toBe(
      null,
    )
    expect(uploadScreenLimit(screens, '/admin/peraturan/reg_01ABC/dokumen/lain', multipart)).toBe(null)
    expect(uploadScreenLimit(screens, '/admin/peraturan/a/b/dokumen', multipart)).toBe(null)
    expect(uploadScreenLimit(screens, '/admin/kpi/kpi_01ABC/nilai', multipart)).toBe(null)
  })
})
