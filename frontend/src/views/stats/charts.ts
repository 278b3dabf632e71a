// ECharts options of the statistics: plays and listening time over the period, and the
// weekday × hour heatmap. Colours come from the theme (`themeColors`); labels from Intl.
import type { Granularity, SeriesPoint } from "../../data/stats";
import type { themeColors } from "../../components/aime-chart";
import { formatDay, formatNumber, localize } from "../../i18n";
import type { HomeAssistant } from "../../types";

type Colors = ReturnType<typeof themeColors>;
type Options = Record<string, unknown>;

/** Weekday names, Monday first, in the user's language ("Mon" / "lun."). */
export function weekdayNames(hass: HomeAssistant, width: "short" | "long" = "short"): string[] {
  const format = new Intl.DateTimeFormat(hass.locale?.language ?? hass.language, {
    weekday: width,
    timeZone: "UTC",
  });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, day) => format.format(new Date(Date.UTC(2024, 0, 1 + day))));
}

/** An hour of the day as the user says it ("8 PM", "20 h"). */
export function hourName(hass: HomeAssistant, hour: number): string {
  return new Intl.DateTimeFormat(hass.locale?.language ?? hass.language, {
    hour: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(2024, 0, 1, hour)));
}

/** How a point of the series is named on the axis and in the tooltip. */
export function pointLabel(hass: HomeAssistant, start: string, granularity: Granularity, long = false): string {
  if (granularity === "month") {
    return formatDay(hass, start, { month: long ? "long" : "short", year: "numeric" });
  }
  const day = formatDay(hass, start, long ? { dateStyle: "medium" } : { day: "numeric", month: "short" });
  return granularity === "week" && long ? localize(hass, "stats.week_of", { date: day }) : day;
}

const axisStyle = (colors: Colors) => ({
  axisLabel: { color: colors.secondaryText },
  axisLine: { lineStyle: { color: colors.divider } },
  axisTick: { lineStyle: { color: colors.divider } },
  splitLine: { lineStyle: { color: colors.divider, opacity: 0.6 } },
});

const hours = (seconds: number) => Math.round(seconds / 360) / 10;

export function seriesOptions(
  hass: HomeAssistant,
  colors: Colors,
  series: SeriesPoint[],
  granularity: Granularity,
  narrow: boolean,
): Options {
  const plays = localize(hass, "stats.plays");
  const listening = localize(hass, "stats.series_hours");
  return {
    grid: { left: 8, right: 8, top: 40, bottom: 8, containLabel: true },
    legend: { top: 0, textStyle: { color: colors.text }, data: [plays, listening] },
    tooltip: {
      trigger: "axis",
      axisPointer: { type: "shadow" },
      // Plain text only (the wrapper renders tooltips as rich text): dates and numbers.
      formatter: (items: { dataIndex: number }[]) => {
        const point = series[items[0]?.dataIndex ?? 0];
        if (!point) return "";
        return [
          pointLabel(hass, point.start, granularity, true),
          `${plays}: ${formatNumber(hass, point.plays)}`,
          `${listening}: ${formatNumber(hass, hours(point.listening_seconds))}`,
        ].join("\n");
      },
    },
    xAxis: {
      type: "category",
      data: series.map((point) => pointLabel(hass, point.start, granularity)),
      ...axisStyle(colors),
      axisLabel: { color: colors.secondaryText, hideOverlap: true, fontSize: narrow ? 10 : 12 },
    },
    yAxis: [
      { type: "value", minInterval: 1, ...axisStyle(colors) },
      { type: "value", ...axisStyle(colors), splitLine: { show: false } },
    ],
    series: [
      {
        name: plays,
        type: "bar",
        data: series.map((point) => point.plays),
        itemStyle: { color: colors.primary, borderRadius: [3, 3, 0, 0] },
        barMaxWidth: 28,
      },
      {
        name: listening,
        type: "line",
        yAxisIndex: 1,
        data: series.map((point) => hours(point.listening_seconds)),
        itemStyle: { color: colors.accent },
        lineStyle: { width: 2 },
        symbol: series.length > 60 ? "none" : "circle",
        smooth: true,
      },
    ],
  };
}

export function heatmapOptions(
  hass: HomeAssistant,
  colors: Colors,
  heatmap: number[][],
  narrow: boolean,
): Options {
  const weekdays = weekdayNames(hass);
  const longWeekdays = weekdayNames(hass, "long");
  const cells = heatmap.flatMap((row, weekday) => row.map((plays, hour) => [hour, weekday, plays]));
  const max = Math.max(1, ...cells.map((cell) => cell[2]));
  return {
    grid: { left: 4, right: 8, top: 8, bottom: 48, containLabel: true },
    tooltip: {
      formatter: (item: { value: number[] }) =>
        localize(hass, "stats.heatmap_cell", {
          weekday: longWeekdays[item.value[1]],
          hour: hourName(hass, item.value[0]),
          plays: formatNumber(hass, item.value[2]),
        }),
    },
    xAxis: {
      type: "category",
      data: Array.from({ length: 24 }, (_, hour) => String(hour)),
      splitArea: { show: false },
      axisLabel: { color: colors.secondaryText, interval: narrow ? 3 : 1, fontSize: narrow ? 10 : 12 },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    yAxis: {
      type: "category",
      data: weekdays,
      inverse: true, // Monday on top.
      axisLabel: { color: colors.secondaryText },
      axisLine: { show: false },
      axisTick: { show: false },
    },
    visualMap: {
      min: 0,
      max,
      calculable: false,
      orient: "horizontal",
      left: "center",
      bottom: 0,
      itemHeight: narrow ? 120 : 180,
      itemWidth: 10,
      textStyle: { color: colors.secondaryText },
      inRange: { color: [colors.divider, colors.primary] },
    },
    series: [
      {
        type: "heatmap",
        data: cells,
        itemStyle: { borderColor: colors.background, borderWidth: 2, borderRadius: 3 },
        emphasis: { itemStyle: { borderColor: colors.text, borderWidth: 1 } },
      },
    ],
  };
}
