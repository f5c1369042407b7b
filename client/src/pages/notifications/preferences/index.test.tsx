import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage, validationProblem } from '@/test/page';
import PreferencesPage from '.';

const stored = [
  { category: 'identity.membership-changed', name: '角色与权限变更', email: 'Immediately' },
  { category: 'exports.completed', name: '导出完成', email: 'Immediately' },
];

afterEach(() => vi.unstubAllGlobals());

describe('notification preferences', () => {
  it('shows every category in Chinese and saves the changed e-mail choice', async () => {
    const seen = mockApi({
      'GET /api/notifications/preferences': stored,
      'PUT /api/notifications/preferences': (_, body) => ({
        body: stored.map((p) => ({
          ...p,
          email: (body as { preferences: { category: string; email: string }[] }).preferences.find((x) => x.category === p.category)!.email,
        })),
      }),
    });
    renderPage(<PreferencesPage />);
    expect(await screen.findByText('角色与权限变更')).toBeInTheDocument();
    expect(screen.getByTestId('save-preferences')).toBeDisabled();
    fireEvent.click(screen.getAllByLabelText('每日摘要')[1]);
    fireEvent.click(screen.getByTestId('save-preferences'));
    await screen.findByText('已保存');
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.body).toEqual({
      preferences: [
        { category: 'identity.membership-changed', email: 'Immediately' },
        { category: 'exports.completed', email: 'DailyDigest' },
      ],
    });
  });

  it('shows a refusal in Chinese', async () => {
    mockApi({
      'GET /api/notifications/preferences': stored,
      'PUT /api/notifications/preferences': () => validationProblem({ 'preferences[0].category': ['没有这个通知类别。'] }),
    });
    renderPage(<PreferencesPage />);
    fireEvent.click((await screen.findAllByLabelText('不发送'))[0]);
    fireEvent.click(screen.getByTestId('save-preferences'));
    await waitFor(() => expect(screen.getByText('提交的内容有误,请检查后重试。')).toBeInTheDocument());
  });
});
