import { Spin } from 'antd';

export default function FullPageSpin({ text, testId = 'page-waiting' }: { text: string; testId?: string }) {
  return (
    <div className="full-page-center" data-testid={testId} role="status" aria-live="polite">
      <Spin size="large" description={text}>
        <div className="spin-box" />
      </Spin>
    </div>
  );
}
