import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MemoryRouter } from 'react-router';
import i18n, { setLanguage } from '@/i18n';
import AppProviders from '@/AppProviders';
import { makeMe } from '@/test/fixtures';
import UserMenu from './UserMenu';

afterEach(async () => {
  await setLanguage('zh-CN');
});

function renderMenu(onSignOut = () => {}) {
  render(
    <AppProviders>
      <MemoryRouter>
        <UserMenu me={makeMe()} onSignOut={onSignOut} />
      </MemoryRouter>
    </AppProviders>,
  );
}

describe('UserMenu', () => {
  it('is in Chinese by default and switches the whole UI to English', async () => {
    expect(i18n.language).toBe('zh-CN');
    renderMenu();
    fireEvent.click(screen.getByTestId('user-menu'));
    expect(await screen.findByText('退出登录')).toBeInTheDocument();
    fireEvent.mouseEnter(screen.getByText('语言 / Language'));
    fireEvent.click(await screen.findByText('English'));
    await waitFor(() => expect(i18n.language).toBe('en-US'));
    expect(localStorage.getItem('congress.language')).toBe('en-US');
    expect(document.documentElement.lang).toBe('en-US');
    fireEvent.click(screen.getByTestId('user-menu'));
    expect(await screen.findByText('Sign out')).toBeInTheDocument();
    expect(screen.getByText('Language / 语言')).toBeInTheDocument();
  });

  it('signs out', async () => {
    const onSignOut = vi.fn();
    renderMenu(onSignOut);
    fireEvent.click(screen.getByTestId('user-menu'));
    fireEvent.click(await screen.findByText('退出登录'));
    expect(onSignOut).toHaveBeenCalledOnce();
  });
});
