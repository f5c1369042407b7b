import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage, validationProblem } from '@/test/page';
import type { Schemas } from '@/api/client';
import ChannelsPage, { toBody, toValues } from '.';

const settings: Schemas['ChannelSettingsDto'] = {
  smtpEnabled: true,
  smtpHost: 'smtp.renda.gov.cn',
  smtpPort: 587,
  smtpSecurity: 'StartTls',
  smtpUserName: 'notice',
  smtpPasswordSet: true,
  smtpFromAddress: 'noreply@renda.gov.cn',
  smtpFromName: '区人大办',
  weComEnabled: true,
  weComWebhookSet: true,
  dingTalkEnabled: false,
  dingTalkWebhookSet: false,
  dingTalkSecretSet: false,
  robotCategories: ['exports.completed'],
  availableCategories: [
    { key: 'identity.membership-changed', name: '角色与权限变更' },
    { key: 'exports.completed', name: '导出完成' },
  ],
  version: 'v1',
};

const delivery = {
  id: 'd1',
  channel: 'WeCom',
  category: 'exports.completed',
  subject: '导出完成:代表名册',
  recipientUserId: null,
  status: 'Sent',
  attempts: 2,
  createdAtUtc: '2026-12-01T02:00:00Z',
  nextAttemptAtUtc: '2026-12-01T02:00:30Z',
  sentAtUtc: '2026-12-01T02:00:31Z',
  lastError: null,
  attemptLog: [
    { number: 1, startedAtUtc: '2026-12-01T02:00:00Z', durationMs: 12, succeeded: false, statusCode: 500, error: 'HTTP 500' },
    { number: 2, startedAtUtc: '2026-12-01T02:00:31Z', durationMs: 8, succeeded: true, statusCode: 200, error: null },
  ],
};

afterEach(() => vi.unstubAllGlobals());

describe('channel settings', () => {
  it('keeps secrets write-only: blank keeps, cleared removes, typed replaces', () => {
    const values = toValues(settings);
    expect(values.smtpPassword).toBeNull();
    expect(toBody(values, new Set(), 'v1')).toMatchObject({ smtpPassword: null, weComWebhook: null, version: 'v1', smtpPort: 587 });
    expect(toBody({ ...values, dingTalkSecret: 'SEC1' }, new Set(['weComWebhook']), 'v1')).toMatchObject({ weComWebhook: '', dingTalkSecret: 'SEC1' });
  });

  it('shows the settings without secrets, saves them, sends a test and lists the attempts', async () => {
    const seen = mockApi({
      'GET /api/notifications/channels': settings,
      'PUT /api/notifications/channels': { ...settings, version: 'v2' },
      'GET /api/notifications/deliveries': { items: [delivery], total: 1, page: 1, pageSize: 10 },
      'POST /api/notifications/channels/WeCom/test': { ...delivery, id: 'd2', attempts: 1, attemptLog: [delivery.attemptLog[1]] },
    });
    renderPage(<ChannelsPage />, { permissions: ['notifications.channels.manage'] });
    await waitFor(() => expect(screen.getByDisplayValue('smtp.renda.gov.cn')).toBeInTheDocument());
    expect(screen.getByTestId('secret-smtpPassword')).toHaveAttribute('placeholder', '已设置,留空不修改');
    expect(screen.getByTestId('secret-dingTalkSecret')).toHaveAttribute('placeholder', '未设置');

    fireEvent.click(screen.getByTestId('clear-weComWebhook'));
    fireEvent.click(screen.getByTestId('save-channels'));
    await screen.findByText('已保存');
    const put = seen.find((r) => r.method === 'PUT')!;
    expect(put.body).toMatchObject({ smtpHost: 'smtp.renda.gov.cn', smtpPassword: null, weComWebhook: '', version: 'v1', robotCategories: ['exports.completed'] });

    fireEvent.click(screen.getByTestId('test-WeCom'));
    await screen.findByText('测试消息已发送');

    const table = screen.getByTestId('deliveries');
    expect(within(table).getByText('导出完成:代表名册')).toBeInTheDocument();
    expect(within(table).getByText('已发送')).toBeInTheDocument();
    fireEvent.click(within(table).getByRole('button', { name: /展开|Expand/ }));
    expect(await screen.findByText(/第 1 次 .* 失败/)).toBeInTheDocument();
  });

  it('puts field errors on the fields, in Chinese', async () => {
    mockApi({
      'GET /api/notifications/channels': settings,
      'PUT /api/notifications/channels': () => validationProblem({ smtpHost: ['启用邮件时须填写 SMTP 服务器地址。'] }),
      'GET /api/notifications/deliveries': { items: [], total: 0, page: 1, pageSize: 10 },
    });
    renderPage(<ChannelsPage />);
    await waitFor(() => expect(screen.getByDisplayValue('smtp.renda.gov.cn')).toBeInTheDocument());
    fireEvent.click(screen.getByTestId('save-channels'));
    expect(await screen.findByText('启用邮件时须填写 SMTP 服务器地址。')).toBeInTheDocument();
  });
});
