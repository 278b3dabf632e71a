// The dashboard cards, loaded on every Home Assistant page by the integration: they register in the
// dashboard's card picker (`window.customCards`); their visual editors load when opened.
import { localize } from "../i18n";
import { RECENT_CARD_NAME } from "./recent-card/const";
import "./recent-card/recent-card";
import { pageHass } from "./shared/card-config";
import { STATS_CARD_NAME } from "./stats-card/const";
import "./stats-card/stats-card";

declare global {
  interface Window {
    customCards?: {
      type: string;
      name: string;
      description: string;
      preview?: boolean;
      documentationURL?: string;
    }[];
  }
}

const DOCUMENTATION = "https://github.com/aime-ha/aime-home-assistant#dashboard-cards";

function register(type: string, area: "stats" | "recent") {
  window.customCards ??= [];
  if (window.customCards.some((card) => card.type === type)) return;
  const hass = pageHass();
  window.customCards.push({
    type,
    name: localize(hass, `cards.${area}.name`),
    description: localize(hass, `cards.${area}.description`),
    preview: true,
    documentationURL: DOCUMENTATION,
  });
}

register(STATS_CARD_NAME, "stats");
register(RECENT_CARD_NAME, "recent");
