import { useEffect, useState, type DragEvent } from 'react';
import { ACCEPT, FORMATS, MAX_FILE_BYTES, formatBytes, type PickedFile } from '../files.js';
import { L, t } from '../i18n.js';
import './FilePicker.css';

/**
 * Drop zone and file button, with the picked files listed (thumbnail for images, size, remove). What may be added
 * is decided by the owner (`onAdd` gets every file dropped or picked); refusals are shown under the zone.
 */
export function FilePicker({
  id,
  files,
  onAdd,
  onRemove,
  onClear,
  refused,
  disabled,
  limits,
  multiple = true,
}: {
  id: string;
  files: PickedFile[];
  onAdd: (files: File[]) => void;
  onRemove: (key: string) => void;
  onClear?: () => void;
  refused: { name: string; reason: string }[];
  disabled?: boolean;
  /** Limits as the owner applies them, shown under the zone. */
  limits?: string;
  multiple?: boolean;
}) {
  const [over, setOver] = useState(false);

  // A file dropped beside the zone would make the browser open it in place of the console (and lose the case).
  useEffect(() => {
    const keep = (e: globalThis.DragEvent) => {
      if (e.dataTransfer?.types.includes('Files')) e.preventDefault();
    };
    window.addEventListener('dragover', keep);
    window.addEventListener('drop', keep);
    return () => {
      window.removeEventListener('dragover', keep);
      window.removeEventListener('drop', keep);
    };
  }, []);

  function onDrop(e: DragEvent<HTMLDivElement>): void {
    e.preventDefault();
    setOver(false);
    if (disabled) return;
    const list = [...e.dataTransfer.files];
    if (list.length) onAdd(list);
  }

  return (
    <div className="file-picker">
      <div
        className={`drop-zone ${over ? 'drop-zone-over' : ''} ${disabled ? 'drop-zone-disabled' : ''}`}
        onDragOver={(e) => {
          e.preventDefault();
          if (!disabled) setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        data-testid={`${id}-drop`}
      >
        <span className="drop-icon" aria-hidden="true">
          ⤓
        </span>
        <span>
          {L.dropHere}{' '}
          <label className="btn btn-small file-button" htmlFor={`${id}-input`}>
            {L.chooseFiles}
          </label>
        </span>
        <input
          id={`${id}-input`}
          className="file-input"
          type="file"
          multiple={multiple}
          accept={ACCEPT}
          disabled={disabled}
          data-testid={`${id}-input`}
          onChange={(e) => {
            const list = [...(e.currentTarget.files ?? [])];
            // Reset so that picking the same file again (after removing it) fires change again.
            e.currentTarget.value = '';
            if (list.length) onAdd(list);
          }}
        />
        <span className="muted small" data-testid={`${id}-limits`}>
          {FORMATS} · {limits ?? t('limitPerFile', { max: formatBytes(MAX_FILE_BYTES) })}
        </span>
      </div>
      {refused.length > 0 && (
        <ul className="refused-list" role="alert" data-testid={`${id}-refused`}>
          {refused.map((r, i) => (
            <li key={`${r.name}-${i}`}>
              <strong>{r.name}</strong>: {r.reason}
            </li>
          ))}
        </ul>
      )}
      {files.length > 0 && (
        <>
          <div className="section-head file-list-head">
            <h3 className="h3">
              {L.pickedFiles} <span className="count">{files.length}</span>{' '}
              <span className="muted small">{formatBytes(files.reduce((n, f) => n + f.size, 0))}</span>
            </h3>
            {onClear && (
              <button type="button" className="btn btn-small" onClick={onClear} disabled={disabled} data-testid={`${id}-clear`}>
                {L.removeAll}
              </button>
            )}
          </div>
          <ul className="file-list" data-testid={`${id}-files`}>
            {files.map((f) => (
              <li key={f.key} className="file-row" data-name={f.name}>
                {f.url ? <img className="file-thumb" src={f.url} alt="" /> : <span className="file-thumb file-thumb-doc" aria-hidden="true">{extOf(f.name)}</span>}
                <span className="file-name" title={f.name}>
                  {f.name}
                </span>
                <span className="muted small num">{formatBytes(f.size)}</span>
                <button
                  type="button"
                  className="btn btn-small btn-link"
                  onClick={() => onRemove(f.key)}
                  disabled={disabled}
                  aria-label={`${L.remove} ${f.name}`}
                >
                  {L.remove}
                </button>
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

function extOf(name: string): string {
  const m = /\.([a-z0-9]{1,4})$/i.exec(name);
  return (m?.[1] ?? 'file').toUpperCase();
}
