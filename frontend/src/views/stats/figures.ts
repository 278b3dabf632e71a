// The period's headline figures and the listening streaks, as tiles.
import { css, html, nothing, type TemplateResult } from "lit";
import type { Streaks } from "../../data/stats";
import { daysBetween } from "../../dates";
import { formatDay, formatDuration, formatNumber, localize } from "../../i18n";
import type { HomeAssistant } from "../../types";
import type { PeriodStats } from "./data";

const days = (hass: HomeAssistant, count: number): string =>
  count === 1 ? localize(hass, "stats.day") : localize(hass, "stats.days", { count: formatNumber(hass, count) });

function tile(label: string, value: string, detail?: string, testid?: string): TemplateResult {
  return html`<div class="tile" data-testid=${testid ?? nothing}>
    <span class="tile-label">${label}</span>
    <span class="tile-value" data-testid=${testid ? `${testid}-value` : nothing}>${value}</span>
    ${detail ? html`<span class="tile-detail">${detail}</span>` : nothing}
  </div>`;
}

export function renderFigures(hass: HomeAssistant, stats: PeriodStats): TemplateResult {
  const t = (key: string, vars?: Record<string, string | number>) => localize(hass, key, vars);
  const { sessions } = stats;
  const periodDays = daysBetween(stats.first_day, stats.last_day);
  return html`<section class="figures" aria-label=${t("stats.figures")}>
    ${tile(t("stats.plays"), formatNumber(hass, stats.plays), undefined, "stats-plays")}
    ${tile(
      t("stats.listening"),
      formatDuration(hass, stats.listening_seconds),
      stats.estimated_plays ? t("stats.estimated", { count: formatNumber(hass, stats.estimated_plays) }) : undefined,
      "stats-listening",
    )}
    ${tile(
      t("stats.active_days"),
      formatNumber(hass, stats.active_days),
      t("stats.active_days_of", { days: formatNumber(hass, periodDays) }),
      "stats-active-days",
    )}
    ${tile(t("stats.longest_streak"), days(hass, stats.longest_streak), undefined, "stats-longest-streak")}
    ${tile(t("stats.unique_artists"), formatNumber(hass, stats.unique_artists), undefined, "stats-unique-artists")}
    ${tile(t("stats.unique_albums"), formatNumber(hass, stats.unique_albums), undefined, "stats-unique-albums")}
    ${tile(t("stats.unique_tracks"), formatNumber(hass, stats.unique_tracks), undefined, "stats-unique-tracks")}
    ${tile(
      t("stats.sessions"),
      formatNumber(hass, sessions.count),
      sessions.count
        ? t("stats.sessions_detail", {
            average: formatDuration(hass, sessions.average_seconds),
            longest: formatDuration(hass, sessions.longest_seconds),
          })
        : undefined,
      "stats-sessions",
    )}
  </section>`;
}

export function renderStreaks(hass: HomeAssistant, streaks: Streaks | undefined): TemplateResult {
  const t = (key: string, vars?: Record<string, string | number>) => localize(hass, key, vars);
  if (!streaks) return html`${nothing}`;
  return html`<section class="card streaks" data-testid="stats-streaks">
    <h3>${t("stats.streaks")}</h3>
    ${streaks.longest
      ? html`<div class="streak-tiles">
          ${tile(t("stats.streak_current"), days(hass, streaks.current), undefined, "stats-streak-current")}
          ${tile(
            t("stats.streak_longest"),
            days(hass, streaks.longest),
            streaks.longest_first && streaks.longest_last
              ? t("stats.streak_span", {
                  first: formatDay(hass, streaks.longest_first),
                  last: formatDay(hass, streaks.longest_last),
                })
              : undefined,
            "stats-streak-longest",
          )}
        </div>`
      : html`<p class="muted">${t("stats.streak_none")}</p>`}
  </section>`;
}

export const figureStyles = css`
  .figures {
    display: grid;
    gap: 12px;
    grid-template-columns: repeat(4, minmax(0, 1fr));
  }
  @media (max-width: 640px) {
    .figures {
      grid-template-columns: repeat(2, minmax(0, 1fr));
      gap: 8px;
    }
  }
  .tile {
    display: flex;
    flex-direction: column;
    gap: 2px;
    padding: 12px 16px;
    min-width: 0;
    background: var(--ha-card-background, var(--card-background-color, #fff));
    border-radius: var(--ha-card-border-radius, 12px);
    border: var(--ha-card-border-width, 1px) solid var(--ha-card-border-color, var(--divider-color, #e0e0e0));
  }
  .streak-tiles .tile {
    border: none;
    padding: 4px 0;
    background: none;
  }
  .tile-label {
    color: var(--secondary-text-color);
    font-size: 0.875rem;
  }
  .tile-value {
    font-size: 1.6rem;
    font-weight: 500;
    line-height: 1.25;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .tile-detail {
    color: var(--secondary-text-color);
    font-size: 0.8rem;
  }
  .streak-tiles {
    display: grid;
    gap: 8px;
    grid-template-columns: repeat(auto-fit, minmax(140px, 1fr));
  }
`;
