import { useCallback, useEffect, useRef, useState } from 'react';
import { screenFiles, toPicked, type PickedFile } from './files.js';

/** The files picked on a screen, screened by the limits; object URLs are released on removal and unmount. */
export function usePickedFiles(opts: { maxFiles?: number; maxTotal?: number } = {}) {
  const [files, setFiles] = useState<PickedFile[]>([]);
  const [refused, setRefused] = useState<{ name: string; reason: string }[]>([]);
  const current = useRef<PickedFile[]>([]);
  current.current = files;
  const { maxFiles, maxTotal } = opts;

  useEffect(
    () => () => {
      for (const f of current.current) if (f.url) URL.revokeObjectURL(f.url);
    },
    [],
  );

  const add = useCallback(
    (incoming: File[]) => {
      const { accepted, refused: no } = screenFiles(current.current, incoming, { maxFiles, maxTotal });
      setRefused(no);
      if (accepted.length) setFiles((fs) => [...fs, ...accepted.map(toPicked)]);
    },
    [maxFiles, maxTotal],
  );

  const remove = useCallback((key: string) => {
    setRefused([]);
    setFiles((fs) => {
      const gone = fs.find((f) => f.key === key);
      if (gone?.url) URL.revokeObjectURL(gone.url);
      return fs.filter((f) => f.key !== key);
    });
  }, []);

  const clear = useCallback(() => {
    setRefused([]);
    setFiles((fs) => {
      for (const f of fs) if (f.url) URL.revokeObjectURL(f.url);
      return [];
    });
  }, []);

  return { files, refused, add, remove, clear };
}
