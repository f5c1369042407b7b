import { fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { mockApi, renderPage } from '@/test/page';
import PublicBallotPage from '.';

const token = 'a1b2c3';
const path = `/api/deputies/public-ballots/${token}`;
const ballot = (over: Record<string, unknown> = {}) => ({
  deputyName: '王建国',
  year: 2026,
  plannedOn: '2026-12-20',
  place: '东柳社区联络站',
  reportsToCommittee: false,
  opensAtUtc: '2026-12-20T01:00:00Z',
  closesAtUtc: '2026-12-20T03:00:00Z',
  state: 'Open',
  requiresVoterCode: false,
  alreadyVoted: false,
  ...over,
});

const render = () => renderPage(<PublicBallotPage />, { path: `/p/ballots/${token}`, route: '/p/ballots/:token' });

afterEach(() => vi.unstubAllGlobals());

describe('public ballot', () => {
  it('asks for a choice, sends it with the voter code and thanks the voter', async () => {
    const seen = mockApi({
      [`GET ${path}`]: ballot({ requiresVoterCode: true }),
      [`POST ${path}/votes`]: { message: '投票成功,感谢您参与代表述职测评!' },
    });
    render();
    expect(await screen.findByText('王建国代表 2026 年度述职测评')).toBeInTheDocument();
    fireEvent.click(screen.getByTestId('ballot-submit'));
    expect(await screen.findByText('请选择一项评价')).toBeInTheDocument();
    expect(await screen.findByText('请输入测评码')).toBeInTheDocument();
    fireEvent.click(screen.getByText('基本满意'));
    fireEvent.change(screen.getByPlaceholderText('请输入工作人员发给您的 8 位测评码'), { target: { value: ' abcd2345 ' } });
    fireEvent.click(screen.getByTestId('ballot-submit'));
    expect(await screen.findByTestId('ballot-thanks')).toHaveTextContent('投票成功');
    expect(seen.find((r) => r.method === 'POST')!.body).toEqual({ choice: 'BasicallySatisfied', voterCode: 'abcd2345' });
  });

  it('says when this device already voted', async () => {
    mockApi({
      [`GET ${path}`]: ballot(),
      [`POST ${path}/votes`]: () => ({
        status: 409,
        body: { status: 409, title: '冲突', code: 'ballot.already_voted', detail: '您已经投过票了,每台设备只能投票一次。' },
      }),
    });
    render();
    fireEvent.click(await screen.findByText('满意'));
    fireEvent.click(screen.getByTestId('ballot-submit'));
    expect(await screen.findByTestId('ballot-already')).toHaveTextContent('您已经投过票了');
  });

  it('shows a closed ballot without the form, and an unknown one as not found', async () => {
    mockApi({ [`GET ${path}`]: ballot({ state: 'Closed' }) });
    const { unmount } = render();
    expect(await screen.findByTestId('ballot-closed')).toHaveTextContent('本次测评已结束');
    expect(screen.queryByTestId('ballot-submit')).toBeNull();
    unmount();
    vi.unstubAllGlobals();
    mockApi({});
    render();
    await waitFor(() => expect(screen.getByText('测评不存在,请核对二维码或链接。')).toBeInTheDocument());
  });
});
