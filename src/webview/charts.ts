// The three charts. Only the Chart.js parts used here are imported and registered, so the bundle stays small.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
  type ChartConfiguration,
  type ChartType,
  type TooltipItem,
} from 'chart.js';
import type { FocusDayModel } from '../core/dashboard/tabs/focus';
import type { DayModel, WeekModel } from '../core/dashboard/tabs/overview';
import type { TodayModel } from '../core/dashboard/tabs/today';
import type { ChartColors } from './theme';

Chart.register(BarController, BarElement, LineController, LineElement, PointElement, CategoryScale, LinearScale, Tooltip, Legend);

/** The theme's text colour, grid colour and font for every chart; call once before drawing them. */
export function applyChartDefaults(colors: ChartColors): void {
  Chart.defaults.color = colors.text;
  Chart.defaults.borderColor = colors.grid;
  Chart.defaults.font.family = colors.fontFamily;
  Chart.defaults.font.size = colors.fontSize;
}

/** Bars get the theme's contrast border in high-contrast themes, and none otherwise. */
function outline(colors: ChartColors): { borderColor: string | undefined; borderWidth: number } {
  return colors.highContrast ? { borderColor: colors.contrastBorder, borderWidth: 1 } : { borderColor: undefined, borderWidth: 0 };
}

/** The legend below the chart and the tooltip texts, which come from the host's figures. */
function legendAndTooltip<T extends ChartType>(label: (item: TooltipItem<T>) => string, footer?: (items: TooltipItem<T>[]) => string) {
  return { legend: { position: 'bottom' as const }, tooltip: { callbacks: footer ? { label, footer } : { label } } };
}

const common = {
  animation: false as const,
  responsive: true,
  maintainAspectRatio: false,
};

/** The chart on `canvas`: the one already drawn there gets the new figures in place (its hover survives), else a new one. */
function drawOn(canvas: HTMLCanvasElement, config: ChartConfiguration): Chart {
  const existing = Chart.getChart(canvas);
  if (!existing) return new Chart(canvas, config);
  existing.data = config.data;
  existing.options = config.options ?? {};
  existing.update('none');
  return existing;
}

/** Hours for the axis; the figures themselves (minutes, texts) come from the host. */
const hours = (minutes: number) => minutes / 60;

export function dailyChart(canvas: HTMLCanvasElement, days: readonly DayModel[], targetPercent: number, agentCounts: boolean, colors: ChartColors): Chart {
  const agentLabel = agentCounts ? 'Agent (counted as coding)' : 'Agent (not coding)';
  const config: ChartConfiguration<'bar' | 'line', number[], string> = {
    type: 'bar',
    data: {
      labels: days.map((d) => d.label),
      datasets: [
        { type: 'bar', label: 'Hands-on coding', data: days.map((d) => hours(d.handsOnMinutes)), backgroundColor: colors.coding, ...outline(colors), stack: 'time', order: 2 },
        { type: 'bar', label: agentLabel, data: days.map((d) => hours(d.agentMinutes)), backgroundColor: colors.agent, ...outline(colors), stack: 'time', order: 2 },
        { type: 'bar', label: 'Meetings', data: days.map((d) => hours(d.meetingMinutes)), backgroundColor: colors.meetings, ...outline(colors), stack: 'time', order: 2 },
        {
          type: 'line',
          label: `Coding the ${targetPercent}% target asks of the day`,
          data: days.map((d) => hours(d.targetCodingMinutes)),
          borderColor: colors.target,
          backgroundColor: colors.target,
          showLine: false,
          pointStyle: 'line',
          pointRadius: days.length > 31 ? 4 : 10,
          pointBorderWidth: 3,
          stack: 'target',
          order: 1,
        },
      ],
    },
    options: {
      ...common,
      scales: {
        x: { stacked: true, grid: { display: false } },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: 'hours' } },
      },
      plugins: legendAndTooltip<'bar' | 'line'>(
        (item) => {
          const day = days[item.dataIndex];
          if (!day) return '';
          if (item.datasetIndex === 0) return `Hands-on coding ${day.handsOnCodingText}`;
          if (item.datasetIndex === 1) return `${agentLabel} ${day.agentText}${day.agentsText ? `: ${day.agentsText}` : ''}`;
          if (item.datasetIndex === 2) return `Meetings ${day.meetingText}`;
          return `Target coding for this day's total`;
        },
        (items) => {
          const day = items[0] ? days[items[0].dataIndex] : undefined;
          return day ? `Hands-on ${day.handsOnText}` : '';
        },
      ),
    },
  };
  return drawOn(canvas, config as ChartConfiguration);
}

export function weeklyChart(canvas: HTMLCanvasElement, weeks: readonly WeekModel[], targetPercent: number, colors: ChartColors): Chart {
  const config: ChartConfiguration<'line', (number | null)[], string> = {
    type: 'line',
    data: {
      labels: weeks.map((w) => w.label),
      datasets: [
        {
          label: 'Hands-on share',
          data: weeks.map((w) => w.handsOnPercent),
          borderColor: colors.coding,
          backgroundColor: colors.coding,
          borderWidth: colors.highContrast ? 3 : 2,
          pointRadius: 4,
          spanGaps: false,
        },
        {
          label: `Target ${targetPercent}%`,
          data: weeks.map(() => targetPercent),
          borderColor: colors.target,
          backgroundColor: colors.target,
          borderDash: [6, 4],
          borderWidth: 2,
          pointRadius: 0,
        },
      ],
    },
    options: {
      ...common,
      scales: { y: { min: 0, max: 100, ticks: { callback: (value) => `${value}%` } }, x: { grid: { display: false } } },
      plugins: legendAndTooltip<'line'>((item) => {
        const week = weeks[item.dataIndex];
        if (!week) return '';
        return item.datasetIndex === 0 ? `Hands-on ${week.handsOnText}` : `Target ${targetPercent}%`;
      }),
    },
  };
  return drawOn(canvas, config as ChartConfiguration);
}

/**
 * Diagonal stripes of `color` on a clear ground: a series told apart by its texture as well as its colour, for
 * colour-blind users and in every theme. The plain colour where a canvas cannot be made.
 */
function stripes(color: string): CanvasPattern | string {
  const tile = document.createElement('canvas');
  tile.width = 8;
  tile.height = 8;
  const context = tile.getContext('2d');
  if (!context) return color;
  context.strokeStyle = color;
  context.lineWidth = 2.5;
  context.beginPath();
  // One diagonal and the two corners it wraps into, so the tiles join into unbroken lines.
  for (const [x0, y0, x1, y1] of [[-2, 10, 10, -2], [-2, 2, 2, -2], [6, 10, 10, 6]] as const) {
    context.moveTo(x0, y0);
    context.lineTo(x1, y1);
  }
  context.stroke();
  return context.createPattern(tile, 'repeat') ?? color;
}

/** The Focus tab's day bars: working time as meetings, breaks, focus blocks (coded, not coded, ahead) and fragments. */
export function focusChart(canvas: HTMLCanvasElement, days: readonly FocusDayModel[], colors: ChartColors): Chart {
  const parts: { label: string; minutes: (d: FocusDayModel) => number; text: (d: FocusDayModel) => string; color: string | CanvasPattern; border?: string }[] = [
    { label: 'Meetings', minutes: (d) => d.meetingMinutes, text: (d) => d.meetingText, color: colors.meetings },
    { label: 'Breaks', minutes: (d) => d.breakMinutes, text: (d) => d.breakText, color: colors.breaks },
    { label: 'Focus blocks, coded', minutes: (d) => d.focusCodedMinutes, text: (d) => d.focusCodedText, color: colors.focus },
    // Striped and outlined in the focus colour: the same blocks as the coded ones, left unused.
    { label: 'Focus blocks, not coded', minutes: (d) => d.focusUncodedMinutes, text: (d) => d.focusUncodedText, color: stripes(colors.focusUncoded), border: colors.focusUncoded },
    { label: 'Focus blocks ahead', minutes: (d) => d.focusAheadMinutes, text: (d) => d.focusAheadText, color: colors.focusAhead },
    { label: 'Fragmented', minutes: (d) => d.fragmentedMinutes, text: (d) => d.fragmentedText, color: colors.fragmented },
  ];
  const config: ChartConfiguration<'bar', number[], string> = {
    type: 'bar',
    data: {
      labels: days.map((d) => d.label),
      datasets: parts.map((part) => ({
        label: part.label,
        data: days.map((d) => hours(part.minutes(d))),
        backgroundColor: part.color,
        ...(part.border && !colors.highContrast ? { borderColor: part.border, borderWidth: 1 } : outline(colors)),
        stack: 'day',
      })),
    },
    options: {
      ...common,
      scales: { x: { stacked: true, grid: { display: false } }, y: { stacked: true, beginAtZero: true, title: { display: true, text: 'hours of working time' } } },
      plugins: legendAndTooltip<'bar'>((item) => {
        const day = days[item.dataIndex];
        const part = parts[item.datasetIndex];
        return day && part ? `${part.label} ${part.text(day)}` : '';
      }),
    },
  };
  return drawOn(canvas, config as ChartConfiguration);
}

interface FloatingPoint {
  x: [number, number];
  y: string;
  text: string;
}

export const TIMELINE_ROWS = ['Coding', 'Meetings', 'Free focus'] as const;

export function timelineChart(canvas: HTMLCanvasElement, today: TodayModel, colors: ChartColors): Chart {
  const labels = new Map(today.ticks.map((t) => [t.minute, t.label]));
  const points = (row: string, items: readonly { fromMinute: number; toMinute: number; label: string }[], name?: (i: number) => string): FloatingPoint[] =>
    items.map((item, i) => ({ x: [item.fromMinute, item.toMinute], y: row, text: name ? `${name(i)}: ${item.label}` : item.label }));
  const dataset = (label: string, data: FloatingPoint[], color: string) => ({
    label,
    data,
    backgroundColor: color,
    ...outline(colors),
    grouped: false,
    barPercentage: 0.9,
    categoryPercentage: 0.9,
  });
  const config: ChartConfiguration<'bar', FloatingPoint[], string> = {
    type: 'bar',
    data: {
      labels: [...TIMELINE_ROWS],
      datasets: [
        dataset('Coding', points('Coding', today.coding), colors.coding),
        dataset('Meetings', points('Meetings', today.meetings, (i) => today.meetings[i]?.title ?? ''), colors.meetings),
        dataset('Free focus', points('Free focus', today.focusBlocks), colors.focus),
      ],
    },
    options: {
      ...common,
      indexAxis: 'y',
      scales: {
        x: {
          type: 'linear',
          min: today.viewStartMinute,
          max: today.viewEndMinute,
          afterBuildTicks: (axis) => {
            const step = today.viewEndMinute - today.viewStartMinute > 12 * 60 ? 2 : 1;
            axis.ticks = today.ticks.filter((t, i) => t.minute >= today.viewStartMinute && t.minute <= today.viewEndMinute && i % step === 0).map((t) => ({ value: t.minute }));
          },
          ticks: { callback: (value) => labels.get(Number(value)) ?? '' },
        },
        y: { stacked: true, grid: { display: false } },
      },
      parsing: { xAxisKey: 'x', yAxisKey: 'y' },
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: (item) => (item.raw as FloatingPoint).text } },
      },
    },
  };
  return drawOn(canvas, config as unknown as ChartConfiguration);
}
