// A dialog about one item (a week to swap, a seat to end): the item stays set while the dialog closes, so the closing
// dialog keeps its title — its accessible name — and its content; it is cleared once antd has removed the dialog.
import { useCallback, useState } from 'react';

export interface DialogItem<T> {
  /** The item the dialog is about; still set during the closing animation. */
  item: T | undefined;
  show: (item: T) => void;
  close: () => void;
  /** Spread onto antd's Modal: open, onCancel and afterClose. */
  modal: { open: boolean; onCancel: () => void; afterClose: () => void };
}

export function useDialogItem<T>(): DialogItem<T> {
  const [item, setItem] = useState<T>();
  const [open, setOpen] = useState(false);
  const show = useCallback((next: T) => {
    setItem(next);
    setOpen(true);
  }, []);
  const close = useCallback(() => setOpen(false), []);
  const afterClose = useCallback(() => setItem(undefined), []);
  return { item, show, close, modal: { open, onCancel: close, afterClose } };
}
