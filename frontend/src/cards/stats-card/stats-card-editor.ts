// The stats card's visual editor, loaded when the dashboard opens it (`getConfigElement`).
import { define } from "../../define";
import type { HomeAssistant } from "../../types";
import { AimeCardEditor, PERSON_FIELD, selectOptions, type HaFormField } from "../shared/card-editor";
import { STATS_CARD_EDITOR_NAME } from "./const";
import { STATS_PERIODS, TOP_COUNT, TOP_KINDS, checkStatsConfig, type StatsCardConfig } from "./stats-card-config";

export const statsCardSchema = (hass: HomeAssistant | undefined): HaFormField[] => [
  { name: "title", selector: { text: {} } },
  {
    name: "period",
    required: true,
    selector: { select: { mode: "dropdown", options: selectOptions(hass, STATS_PERIODS, "common.window.") } },
  },
  {
    name: "top",
    required: true,
    selector: { select: { mode: "dropdown", options: selectOptions(hass, TOP_KINDS, "cards.stats.top_") } },
  },
  { name: "top_count", selector: { number: { min: TOP_COUNT.min, max: TOP_COUNT.max, mode: "box" } } },
  { name: "show_chart", selector: { boolean: {} } },
  PERSON_FIELD,
];

export class AimeStatsCardEditor extends AimeCardEditor<StatsCardConfig> {
  protected readonly testId = STATS_CARD_EDITOR_NAME;
  protected readonly check = checkStatsConfig;
  protected readonly schema = statsCardSchema;
}

define(STATS_CARD_EDITOR_NAME, AimeStatsCardEditor);
