import { readFileSync } from 'node:fs'
import directory from '@cerdas/module-directory'
import { describeModuleContract, TEMPLATES_DIR } from '@cerdas/testing'
import services from '../src/index'

const toba = (name: string) => JSON.parse(readFileSync(`${TEMPLATES_DIR}/toba/data/${name}.json`, 'utf8'))
const directorySeed = directory.seed
if (!directorySeed) throw new Error('directory has no seed')
const directoryData = directorySeed.data.parse(toba('directory'))

/**
 * Services name offices and bidang of the directory, which the platform seeds first (dependency
 * order). The contract calls only this module's seed, so the directory's Toba data is seeded just
 * before it; the contract still counts, reseeds and exports the services tables alone.
 */
describeModuleContract(
  {
    ...services,
    seed: {
      data: services.seed?.data as NonNullable<typeof services.seed>['data'],
      run: async (ctx, input) => {
        await directorySeed.run(ctx, { data: directoryData })
        await services.seed?.run(ctx, input)
      },
    },
  },
  { seedData: toba('services') },
)
