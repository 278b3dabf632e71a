// An Apache ECharts chart in Home Assistant's theme colours. Callers give ECharts options; tooltips are
// always rendered as rich text (never HTML), so names from external services cannot inject markup.
import { LitElement, css, html } from "lit";
import { property } from "lit/decorators.js";
import { define } from "../define";

type ECharts = import("echarts/core").EChartsType;
type Options = Record<string, unknown>;

let echartsModule: Promise<typeof import("./echarts-setup")> | undefined;
const loadEcharts = () => (echartsModule ??= import("./echarts-setup"));

/** Theme colours read from Home Assistant's CSS variables on `element`. */
export function themeColors(element: Element) {
  const style = getComputedStyle(element);
  const read = (name: string, fallback: string) => style.getPropertyValue(name).trim() || fallback;
  return {
    primary: read("--primary-color", "#03a9f4"),
    accent: read("--accent-color", "#ff9800"),
    text: read("--primary-text-color", "#212121"),
    secondaryText: read("--secondary-text-color", "#727272"),
    divider: read("--divider-color", "rgba(0,0,0,.12)"),
    background: read("--card-background-color", "#fff"),
  };
}

export class AimeChart extends LitElement {
  @property({ attribute: false }) options: Options = {};
  @property() label = "";
  @property({ type: Number }) height = 260;

  private chart?: ECharts;
  private resizeObserver?: ResizeObserver;

  static styles = css`
    :host {
      display: block;
      width: 100%;
    }
    .chart {
      width: 100%;
    }
  `;

  render() {
    return html`<div class="chart" role="img" aria-label=${this.label} style="height:${this.height}px"></div>`;
  }

  protected async updated(changed: Map<string, unknown>) {
    if (!changed.has("options") && !changed.has("height")) return;
    const container = this.renderRoot.querySelector<HTMLDivElement>(".chart");
    if (!container) return;
    const { echarts } = await loadEcharts();
    if (!this.isConnected) return;
    if (!this.chart || this.chart.isDisposed()) {
      this.chart = echarts.init(container, undefined, { renderer: "svg" });
      this.resizeObserver = new ResizeObserver(() => this.chart?.resize());
      this.resizeObserver.observe(container);
    } else if (changed.has("height")) {
      this.chart.resize();
    }
    this.chart.setOption(this.themed(this.options), { notMerge: true, lazyUpdate: false });
  }

  disconnectedCallback(): void {
    super.disconnectedCallback();
    this.resizeObserver?.disconnect();
    this.chart?.dispose();
    this.chart = undefined;
  }

  private themed(options: Options): Options {
    const colors = themeColors(this);
    const tooltip = options.tooltip
      ? {
          // Theme colours first (ECharts' default is a white box, unreadable in dark themes).
          backgroundColor: colors.background,
          borderColor: colors.divider,
          textStyle: { color: colors.text },
          ...(options.tooltip as Options),
          renderMode: "richText",
          confine: true,
        }
      : undefined;
    return {
      color: [colors.primary, colors.accent, colors.secondaryText],
      textStyle: { color: colors.text, fontFamily: "inherit" },
      backgroundColor: "transparent",
      animation: false,
      ...options,
      ...(tooltip ? { tooltip } : {}),
    };
  }
}

define("aime-chart", AimeChart);
