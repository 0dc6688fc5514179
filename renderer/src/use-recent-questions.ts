import { useCallback, useState } from 'react';

const KEY = 'ic.ask.recent';
const MAX = 12;

function read(): string[] {
  try {
    const v: unknown = JSON.parse(globalThis.localStorage?.getItem(KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((q): q is string => typeof q === 'string').slice(0, MAX) : [];
  } catch {
    return [];
  }
}

function write(list: string[]): void {
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify(list));
  } catch {
    // storage refused: the list lives as long as the screen
  }
}

/**
 * The questions asked on this computer, newest first, kept in localStorage (the renderer's own state: questions are
 * not personal data the hub keeps). Asking one again moves it to the top.
 */
export function useRecentQuestions() {
  const [recent, setRecent] = useState<string[]>(read);
  const remember = useCallback((question: string) => {
    setRecent((list) => {
      const next = [question, ...list.filter((q) => q !== question)].slice(0, MAX);
      write(next);
      return next;
    });
  }, []);
  const clear = useCallback(() => {
    write([]);
    setRecent([]);
  }, []);
  return { recent, remember, clear };
}
