import { act, render, renderHook, screen, waitFor } from '@testing-library/react';
import { Modal } from 'antd';
import { describe, expect, it } from 'vitest';
import { useDialogItem } from './useDialogItem';

describe('useDialogItem', () => {
  it('keeps the item after close until the dialog reports it has gone', () => {
    const { result } = renderHook(() => useDialogItem<string>());
    expect(result.current.item).toBeUndefined();
    expect(result.current.modal.open).toBe(false);
    act(() => result.current.show('12月7日'));
    expect(result.current.item).toBe('12月7日');
    expect(result.current.modal.open).toBe(true);
    act(() => result.current.modal.onCancel());
    expect(result.current.modal.open).toBe(false);
    expect(result.current.item).toBe('12月7日');
    act(() => result.current.modal.afterClose());
    expect(result.current.item).toBeUndefined();
  });

  it('names the antd dialog after the item and clears the item once the dialog has closed', async () => {
    let dialog!: ReturnType<typeof useDialogItem<string>>;
    function Harness() {
      dialog = useDialogItem<string>();
      return (
        <Modal {...dialog.modal} title={dialog.item ? `调换 ${dialog.item}` : undefined} footer={null}>
          {dialog.item}
        </Modal>
      );
    }
    render(<Harness />);
    act(() => dialog.show('12月7日'));
    expect(await screen.findByRole('dialog', { name: '调换 12月7日' })).toBeInTheDocument();
    act(() => dialog.close());
    await waitFor(() => expect(dialog.item).toBeUndefined());
  });
});
