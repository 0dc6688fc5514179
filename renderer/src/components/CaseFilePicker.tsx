import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES, formatBytes } from '../files.js';
import { t } from '../i18n.js';
import { usePickedFiles } from '../use-picked-files.js';
import { FilePicker } from './FilePicker.js';

/** The files of one case (an applicant's scans), screened by the case limits: what OCR and pre-review both read. */
export const useCaseFiles = () => usePickedFiles({ maxFiles: MAX_FILES, maxTotal: MAX_TOTAL_BYTES });

/** The file picker of a case, with the case limits shown under it. */
export function CaseFilePicker({ id, picked, disabled }: { id: string; picked: ReturnType<typeof useCaseFiles>; disabled: boolean }) {
  return (
    <FilePicker
      id={id}
      files={picked.files}
      onAdd={picked.add}
      onRemove={picked.remove}
      onClear={picked.clear}
      refused={picked.refused}
      disabled={disabled}
      limits={t('limitCase', { max: formatBytes(MAX_FILE_BYTES), total: formatBytes(MAX_TOTAL_BYTES), n: MAX_FILES })}
    />
  );
}
