import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderPage } from '@/test/page';
import Attachments from './Attachments';

const file = (id: string, fileName: string) => ({
  id,
  ownerType: 'handling-units',
  ownerId: 'u1',
  fileName,
  contentType: 'application/pdf',
  sizeBytes: 2048,
  sha256: 'ab'.repeat(32),
  uploadedBy: null,
  uploadedByName: '赵干事',
  uploadedAtUtc: '2026-12-01T02:00:00Z',
  version: `v-${id}`,
});

interface Call {
  method: string;
  path: string;
  body: FormData | undefined;
}

/** A fetch stub that keeps multipart bodies (the shared mockApi parses JSON only). */
function stubApi(files: ReturnType<typeof file>[], upload: { status: number; body: unknown } = { status: 201, body: [] }) {
  const calls: Call[] = [];
  vi.stubGlobal(
    'fetch',
    vi.fn(async (request: Request) => {
      const path = new URL(request.url).pathname;
      const body = request.method === 'POST' ? await request.formData() : undefined;
      calls.push({ method: request.method, path, body });
      const json = (status: number, value: unknown) =>
        new Response(value === undefined ? null : JSON.stringify(value), {
          status,
          headers: { 'content-type': status < 400 ? 'application/json' : 'application/problem+json' },
        });
      if (request.method === 'GET' && path === '/api/platform/attachments/handling-units/u1') return json(200, files);
      if (request.method === 'POST') return json(upload.status, upload.body);
      if (request.method === 'DELETE') return new Response(null, { status: 204 });
      return json(404, { status: 404, detail: `no route ${path}` });
    }),
  );
  return calls;
}

afterEach(() => vi.unstubAllGlobals());

describe('Attachments', () => {
  it('lists the files with size, uploader and time, and hides upload and delete from a reader', async () => {
    stubApi([file('a1', '关于东柳街道的联系函.pdf')]);
    renderPage(<Attachments ownerType="handling-units" ownerId="u1" canWrite={false} />);
    const item = await screen.findByTestId('attachment-a1');
    expect(within(item).getByText('关于东柳街道的联系函.pdf')).toBeInTheDocument();
    expect(within(item).getByText(/2\.0 KB · 赵干事 · 2026-12-01/)).toBeInTheDocument();
    expect(within(item).getByRole('button', { name: '下载 关于东柳街道的联系函.pdf' })).toBeInTheDocument();
    expect(within(item).queryByRole('button', { name: /删除/ })).not.toBeInTheDocument();
    expect(screen.queryByTestId('attachments-upload')).not.toBeInTheDocument();
  });

  it('shows that there are none, in Chinese', async () => {
    stubApi([]);
    renderPage(<Attachments ownerType="handling-units" ownerId="u1" canWrite />);
    expect(await screen.findByText('暂无附件')).toBeInTheDocument();
    expect(screen.getByText(/可执行文件会被拒绝/)).toBeInTheDocument();
  });

  it('uploads a chosen file as multipart form data under "files"', async () => {
    const calls = stubApi([], { status: 201, body: [file('a2', '证明材料.pdf')] });
    renderPage(<Attachments ownerType="handling-units" ownerId="u1" canWrite />);
    await screen.findByText('暂无附件');
    const input = screen.getByTestId('attachments').querySelector<HTMLInputElement>('input[type="file"]')!;
    expect(input.accept).toContain('.pdf');
    fireEvent.change(input, { target: { files: [new File(['%PDF-1.7'], '证明材料.pdf', { type: 'application/pdf' })] } });
    expect(await screen.findByText('已上传:证明材料.pdf')).toBeInTheDocument();
    const post = calls.find((c) => c.method === 'POST')!;
    expect(post.path).toBe('/api/platform/attachments/handling-units/u1');
    // jsdom's File crosses into Node's FormData as a plain blob (its name is lost there, not in a browser).
    expect(post.body!.getAll('files')).toHaveLength(1);
  });

  it("shows the server's reason when a file is refused", async () => {
    stubApi([], {
      status: 415,
      body: { status: 415, code: 'attachment.executable', detail: '“照片.jpg”是可执行文件或脚本,不允许上传。' },
    });
    renderPage(<Attachments ownerType="handling-units" ownerId="u1" canWrite />);
    await screen.findByText('暂无附件');
    const input = screen.getByTestId('attachments').querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['MZ'], '照片.jpg', { type: 'image/jpeg' })] } });
    expect(await screen.findByText('“照片.jpg”是可执行文件或脚本,不允许上传。')).toBeInTheDocument();
  });

  it('deletes a file after confirmation', async () => {
    const calls = stubApi([file('a1', '旧函.pdf')]);
    renderPage(<Attachments ownerType="handling-units" ownerId="u1" canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: '删除 旧函.pdf' }));
    expect(await screen.findByText('删除附件“旧函.pdf”?删除后无法恢复。')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE' && c.path === '/api/platform/attachments/a1')).toBe(true));
    expect(await screen.findByText('已删除附件')).toBeInTheDocument();
  });
});
