// The recent-plays card's options, their defaults and their check.
import type { HomeAssistant, LovelaceCardConfig } from "../../types";
import { checkCardConfig, countOption, personOption, switchOption, titleOption, type CountBounds } from "../shared/card-config";

export const RECENT_COUNT: CountBounds = { min: 1, max: 50, default: 5 };

export interface RecentCardConfig extends LovelaceCardConfig {
  title?: string | null;
  count: number;
  show_now_playing: boolean;
  /** Only this person's plays (a `person.*` entity id); absent, everyone's. */
  person?: string;
}

export const RECENT_CARD_OPTIONS = {
  title: titleOption(),
  count: countOption(RECENT_COUNT),
  show_now_playing: switchOption(),
  person: personOption(),
};

export const RECENT_CARD_DEFAULTS: Partial<RecentCardConfig> = { count: RECENT_COUNT.default, show_now_playing: true };

export const checkRecentConfig = (hass: HomeAssistant | undefined, raw: unknown): RecentCardConfig =>
  checkCardConfig<RecentCardConfig>(hass, raw, RECENT_CARD_OPTIONS, RECENT_CARD_DEFAULTS);
