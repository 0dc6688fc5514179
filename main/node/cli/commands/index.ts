import type { Command } from '../command.js';
import { call } from './call.js';
import { capabilitiesList } from './capabilities.js';
import { jobsCancel, jobsDelete, jobsList, jobsPurge, jobsResume, jobsShow } from './jobs.js';
import { auditExport, auditList, auditVerify } from './audit.js';
import { health, settingsSet, settingsShow } from './settings.js';
import { modelsList, modelsPrepare, modelsVerify } from './models.js';
import { modelsExport, modelsImport } from './models-archive.js';
import { modelsFetch } from './models-fetch.js';
import { pluginsDisable, pluginsEnable, pluginsList } from './plugins.js';
import { ocr } from './ocr.js';
import { prereviewCmd } from './prereview.js';
import { serve } from './serve.js';

/** Every `ic` command. A capability's issue adds its command file and one entry here. */
export const commands: Command[] = [
  serve,
  call,
  ocr,
  prereviewCmd,
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
  modelsList,
  modelsVerify,
  modelsPrepare,
  modelsImport,
  modelsExport,
  modelsFetch,
];
