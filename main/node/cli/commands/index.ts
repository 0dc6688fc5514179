import { features } from '../../app/features.js';
import type { Command } from '../../hub/cli/command.js';
import { call } from './call.js';
import { capabilities, capabilitiesList } from './capabilities.js';
import { jobsCancel, jobsDelete, jobsList, jobsPurge, jobsResume, jobsShow } from './jobs.js';
import { auditExport, auditList, auditVerify } from './audit.js';
import { health, settingsSet, settingsShow } from './settings.js';
import { pluginsDisable, pluginsEnable, pluginsList } from './plugins.js';
import { serve } from './serve.js';

/** Every `ic` command: the CLI's own (serving, calling any capability, jobs, plugins) and those of the features. */
export const commands: Command[] = [
  serve,
  call,
  ...features.flatMap((f) => f.commands ?? []),
  capabilities,
  capabilitiesList,
  pluginsList,
  pluginsEnable,
  pluginsDisable,
  jobsList,
  jobsShow,
  jobsResume,
  jobsCancel,
  jobsDelete,
  jobsPurge,
  auditList,
  auditExport,
  auditVerify,
  settingsShow,
  settingsSet,
  health,
];
