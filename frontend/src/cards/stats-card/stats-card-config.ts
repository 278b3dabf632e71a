// The stats card's options, their defaults and their check.
import type { HomeAssistant, LovelaceCardConfig } from "../../types";
import {
  checkCardConfig,
  choiceOption,
  countOption,
  personOption,
  switchOption,
  titleOption,
  type CountBounds,
} from "../shared/card-config";

export const STATS_PERIODS = ["7d", "30d", "365d", "all"] as const;
export type StatsPeriod = (typeof STATS_PERIODS)[number];
export const TOP_KINDS = ["artists", "albums", "tracks"] as const;
export type TopKind = (typeof TOP_KINDS)[number];
export const TOP_COUNT: CountBounds = { min: 1, max: 25, default: 5 };

export interface StatsCardConfig extends LovelaceCardConfig {
  title?: string | null;
  period: StatsPeriod;
  show_chart: boolean;
  top_count: number;
  top: TopKind;
  /** Only this person's plays (a `person.*` entity id); absent, everyone's. */
  person?: string;
}

export const STATS_CARD_OPTIONS = {
  title: titleOption(),
  period: choiceOption(STATS_PERIODS),
  show_chart: switchOption(),
  top_count: countOption(TOP_COUNT),
  top: choiceOption(TOP_KINDS),
  person: personOption(),
};

export const STATS_CARD_DEFAULTS: Partial<StatsCardConfig> = {
  period: "30d",
  show_chart: true,
  top_count: TOP_COUNT.default,
  top: "artists",
};

export const checkStatsConfig = (hass: HomeAssistant | undefined, raw: unknown): StatsCardConfig =>
  checkCardConfig<StatsCardConfig>(hass, raw, STATS_CARD_OPTIONS, STATS_CARD_DEFAULTS);
