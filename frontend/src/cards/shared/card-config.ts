// The cards' options: defaults, and the checks `setConfig` runs (a thrown Error's message is what the
// dashboard shows, so it is translated).
import { localize, type Vars } from "../../i18n";
import type { HomeAssistant, LovelaceCardConfig } from "../../types";

export const STATS_PERIODS = ["7d", "30d", "365d", "all"] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];
export const TOP_KINDS = ["artists", "albums", "tracks"] as const;
export type TopKind = (typeof TOP_KINDS)[number];

export const TOP_COUNT = { min: 1, max: 25, default: 5 };
export const RECENT_COUNT = { min: 1, max: 50, default: 5 };

export interface StatsCardConfig extends LovelaceCardConfig {
  title?: string;
  period: StatsPeriod;
  show_chart: boolean;
  top_count: number;
  top: TopKind;
}

export interface RecentCardConfig extends LovelaceCardConfig {
  title?: string;
  count: number;
  show_now_playing: boolean;
}

/** Home Assistant's `hass` from the page, for a translated error before the card is given its own. */
export function pageHass(): HomeAssistant | undefined {
  return (document.querySelector("home-assistant") as (Element & { hass?: HomeAssistant }) | null)?.hass;
}

function invalid(hass: HomeAssistant | undefined, key: string, vars: Vars = {}): Error {
  return new Error(localize(hass ?? pageHass(), key, vars));
}

function checkTitle(hass: HomeAssistant | undefined, config: LovelaceCardConfig): string | undefined {
  const title = config.title;
  if (title === undefined || title === null) return undefined;
  if (typeof title !== "string") throw invalid(hass, "cards.invalid.title");
  return title;
}

function checkBoolean(hass: HomeAssistant | undefined, config: LovelaceCardConfig, option: string, fallback: boolean) {
  const value = config[option];
  if (value === undefined) return fallback;
  if (typeof value !== "boolean") throw invalid(hass, "cards.invalid.boolean", { option });
  return value;
}

function checkCount(
  hass: HomeAssistant | undefined,
  config: LovelaceCardConfig,
  option: string,
  bounds: { min: number; max: number; default: number },
): number {
  const value = config[option];
  if (value === undefined) return bounds.default;
  if (typeof value !== "number" || !Number.isInteger(value) || value < bounds.min || value > bounds.max) {
    throw invalid(hass, "cards.invalid.count", { option, min: bounds.min, max: bounds.max });
  }
  return value;
}

function checkChoice<T extends string>(
  hass: HomeAssistant | undefined,
  config: LovelaceCardConfig,
  option: string,
  choices: readonly T[],
  fallback: T,
): T {
  const value = config[option];
  if (value === undefined) return fallback;
  if (!choices.includes(value as T)) {
    throw invalid(hass, "cards.invalid.choice", { option, choices: choices.join(", ") });
  }
  return value as T;
}

function checkObject(hass: HomeAssistant | undefined, config: unknown): LovelaceCardConfig {
  if (!config || typeof config !== "object" || Array.isArray(config)) throw invalid(hass, "cards.invalid.config");
  return config as LovelaceCardConfig;
}

export function checkStatsConfig(hass: HomeAssistant | undefined, raw: unknown): StatsCardConfig {
  const config = checkObject(hass, raw);
  return {
    ...config,
    title: checkTitle(hass, config),
    period: checkChoice(hass, config, "period", STATS_PERIODS, "30d"),
    show_chart: checkBoolean(hass, config, "show_chart", true),
    top_count: checkCount(hass, config, "top_count", TOP_COUNT),
    top: checkChoice(hass, config, "top", TOP_KINDS, "artists"),
  };
}

export function checkRecentConfig(hass: HomeAssistant | undefined, raw: unknown): RecentCardConfig {
  const config = checkObject(hass, raw);
  return {
    ...config,
    title: checkTitle(hass, config),
    count: checkCount(hass, config, "count", RECENT_COUNT),
    show_now_playing: checkBoolean(hass, config, "show_now_playing", true),
  };
}
