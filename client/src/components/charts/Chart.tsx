// ECharts through echarts-for-react, with only the parts we use registered (tree-shaken: see README, size).
// Add a chart type here when a page needs it.
import { BarChart } from 'echarts/charts';
import { GridComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, GridComponent, TooltipComponent, CanvasRenderer]);

export interface ChartProps {
  option: EChartsOption;
  height?: number;
  /** What the chart shows, for screen readers. */
  label: string;
  testId?: string;
}

export default function Chart({ option, height = 280, label, testId }: ChartProps) {
  return (
    <div role="img" aria-label={label} data-testid={testId}>
      <ReactEChartsCore echarts={echarts} option={option} style={{ height, width: '100%' }} notMerge lazyUpdate />
    </div>
  );
}
