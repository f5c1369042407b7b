import { act, render, screen } from '@testing-library/react';
import { Form, Input, type FormInstance } from 'antd';
import { describe, expect, it } from 'vitest';
import { ApiError, applyFieldErrors, asApiError, toApiError, toNamePath } from './problem';

const problem = {
  type: '/problems/validation',
  title: '请求有误',
  status: 400,
  detail: '提交的内容有误,请检查后重试。',
  code: 'validation',
  errors: { name: ["'名称' 不能为空。"], contactPhone: ['电话号码格式不正确。'], tenantId: ['单位不存在。'] },
  requestId: '0HN:1',
};

describe('problem details', () => {
  it('become an ApiError with the detail as message, the code, the field errors and the request id', () => {
    const error = toApiError(new Response(null, { status: 400 }), problem);
    expect(error).toBeInstanceOf(ApiError);
    expect(error.message).toBe(problem.detail);
    expect(error.status).toBe(400);
    expect(error.code).toBe('validation');
    expect(error.requestId).toBe('0HN:1');
    expect(error.fieldMessages).toHaveLength(3);
  });

  it('fall back to the title, or to the status for a body that is not a problem', () => {
    expect(toApiError(new Response(null, { status: 403 }), { title: 'Forbidden', status: 403 }).message).toBe('Forbidden');
    expect(toApiError(new Response(null, { status: 502, statusText: 'Bad Gateway' }), undefined).message).toBe('502 Bad Gateway');
    expect(asApiError(new TypeError('Failed to fetch')).status).toBe(0);
  });

  it('map API field names to form name paths', () => {
    expect(toNamePath('name')).toEqual(['name']);
    expect(toNamePath('address.city')).toEqual(['address', 'city']);
    expect(toNamePath('rules[0].points')).toEqual(['rules', 0, 'points']);
  });

  it('put field errors on the form fields and return the messages of fields the form lacks', async () => {
    let form!: FormInstance;
    function TestForm() {
      const [f] = Form.useForm();
      form = f;
      return (
        <Form form={f}>
          <Form.Item name="name" label="名称">
            <Input />
          </Form.Item>
          <Form.Item name="contactPhone" label="电话">
            <Input />
          </Form.Item>
        </Form>
      );
    }
    render(<TestForm />);
    let unmatched: string[] = [];
    await act(async () => {
      unmatched = applyFieldErrors(form, toApiError(new Response(null, { status: 400 }), problem));
    });
    expect(form.getFieldError('name')).toEqual(["'名称' 不能为空。"]);
    expect(form.getFieldError('contactPhone')).toEqual(['电话号码格式不正确。']);
    expect(unmatched).toEqual(['单位不存在。']);
    expect(await screen.findByText("'名称' 不能为空。")).toBeInTheDocument();
  });
});
