import type { Command } from '../command'
import { auditVerifyCommand } from './audit-verify'
import { jobsRunCommand } from './jobs-run'
import { moduleNewCommand } from './module-new'
import { moduleSyncCommand } from './module-sync'
import { serveCommand } from './serve'
import { templateCheckCommand } from './template-check'
import { templateListCommand } from './template-list'
import { tenantBackupCommand } from './tenant-backup'
import { tenantCreateCommand } from './tenant-create'
import { tenantExportCommand } from './tenant-export'
import { tenantImportCommand } from './tenant-import'
import { tenantListCommand } from './tenant-list'
import { tenantMigrateCommand } from './tenant-migrate'
import { tenantDisableCommand, tenantEnableCommand } from './tenant-module-toggle'
import { tenantOverviewCommand } from './tenant-overview'
import { tenantRemoveCommand } from './tenant-remove'
import { tenantRestoreCommand } from './tenant-restore'
import { tenantSeedCommand } from './tenant-seed'
import { operatorTokenCreateCommand, tokenCreateCommand } from './token'
import { userInviteCommand, userListCommand, userResetCommand } from './user'

/** Every command, in the order `cerdas --help` lists them. */
export const COMMANDS: readonly Command[] = [
  tenantCreateCommand,
  tenantListCommand,
  tenantOverviewCommand,
  tenantMigrateCommand,
  tenantSeedCommand,
  tenantExportCommand,
  tenantImportCommand,
  tenantBackupCommand,
  tenantRestoreCommand,
  tenantRemoveCommand,
  tenantEnableCommand,
  tenantDisableCommand,
  userInviteCommand,
  userListCommand,
  userResetCommand,
  tokenCreateCommand,
  operatorTokenCreateCommand,
  auditVerifyCommand,
  jobsRunCommand,
  templateListCommand,
  templateCheckCommand,
  moduleNewCommand,
  moduleSyncCommand,
  serveCommand,
]
